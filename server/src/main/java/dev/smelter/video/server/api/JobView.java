package dev.smelter.video.server.api;

import static dev.smelter.video.server.api.LegacyController.ordered;

import dev.smelter.video.server.job.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job as {@code GET /jobs/{id}}, the job list and the event stream show it. */
final class JobView {
  private JobView() {}

  static Map<String, Object> of(Job j) {
    Map<String, Object> m = ordered(
        "jobId", j.id(),
        "status", j.status().wire(),
        "statusUrl", "/jobs/" + j.id(),
        "progress", j.progress().percent(),
        "eta", j.status().terminal() || j.progress().eta() < 0 ? null : Math.round(j.progress().eta() * 10) / 10.0,
        "frames", ordered("done", j.progress().framesDone(), "total", j.progress().totalFrames()),
        "fps", Math.round(j.progress().framesPerSecond() * 10) / 10.0,
        "attempts", j.attempts(),
        "priority", j.priority(),
        "outputFilename", j.outputFilename(),
        "createdAt", time(j.createdAt()),
        "startedAt", j.startedAt().map(JobView::time).orElse(null),
        "finishedAt", j.finishedAt().map(JobView::time).orElse(null),
        "updatedAt", time(j.updatedAt()),
        "result", j.result().map(r -> ordered("downloadUrl", r.downloadUrl(), "duration", r.duration(), "size", r.size(),
            "frames", r.frames(), "encoder", r.encoder(), "renderTime", r.renderTime(), "warnings", r.warnings())).orElse(null),
        "warnings", j.result().map(r -> r.warnings()).orElse(List.of()),
        "error", j.error().orElse(null),
        "metadata", j.metadata().orElse(null));
    j.idempotencyKey().ifPresent(k -> m.put("idempotencyKey", k));
    j.callback().ifPresent(cb -> m.put("webhook", ordered("url", dev.smelter.video.server.net.UrlRedaction.redact(cb.url()), "state", j.delivery().state().name().toLowerCase(java.util.Locale.ROOT),
        "attempts", j.delivery().attempts().stream().map(a -> ordered("at", time(a.at()), "status", a.status(), "outcome", a.outcome())).toList())));
    return m;
  }

  private static String time(Instant t) {
    return JsTime.of(t);
  }
}
