package dev.smelter.video.server.api;

import static dev.smelter.video.server.api.LegacyController.ordered;

import dev.smelter.video.server.fleet.RedisJobQueue;
import dev.smelter.video.server.fleet.WorkerRegistry;
import dev.smelter.video.server.intake.SpecIntake;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.storage.JobFiles;
import dev.smelter.video.server.storage.Storage;
import dev.smelter.video.server.worker.RenderDispatcher;
import dev.smelter.video.spec.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/** The asynchronous job API: submit, poll, list, cancel, stream progress. */
@RestController
class JobController {
  private final SpecIntake intake;
  private final JobQueue queue;
  private final JobEvents events;
  private final RenderDispatcher dispatcher;
  private final JobFiles files;
  private final Errors errors;
  private final Optional<WorkerRegistry> workers;
  private final Storage storage;

  JobController(SpecIntake intake, JobQueue queue, JobEvents events, RenderDispatcher dispatcher, JobFiles files, Errors errors,
      ObjectProvider<WorkerRegistry> workers, Storage storage) {
    this.storage = storage;
    this.files = files;
    this.errors = errors;
    this.workers = Optional.ofNullable(workers.getIfAvailable());
    this.intake = intake;
    this.queue = queue;
    this.events = events;
    this.dispatcher = dispatcher;
  }

  @PostMapping("/jobs")
  ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) JsonNode body) throws InterruptedException {
    if (body == null) {
      return ResponseEntity.badRequest().body(ordered("error", "a JSON body is required",
          "problems", Errors.problems(List.of(new Problem("", "a JSON body is required")))));
    }
    SpecIntake.Outcome outcome = intake.job(body);
    if (outcome instanceof SpecIntake.Invalid(List<Problem> problems)) {
      return ResponseEntity.badRequest().body(ordered("error", "Invalid job: " + problems.getFirst()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), "problems", Errors.problems(problems)));
    }
    SpecIntake.Accepted accepted = (SpecIntake.Accepted) outcome;
    JobRequest request;
    try {
      request = stage(files, storage, accepted.request());
    } catch (IOException e) {
      return ResponseEntity.internalServerError().body(ordered("error", "Cannot store the job's inputs", "details", errors.detail(e)));
    }
    JobQueue.Submission s = queue.submit(request);
    if (!s.created()) storage.deleteIncoming(request.spec()); // a repeat: the existing job has its own copies
    Map<String, Object> answer = ordered("jobId", s.job().id(), "status", s.job().status().wire(), "statusUrl", "/jobs/" + s.job().id(),
        "message", s.created() ? "Job created successfully" : "Job already exists (same idempotencyKey)");
    if (!accepted.warnings().isEmpty()) answer.put("warnings", accepted.warnings());
    return ResponseEntity.status(s.created() ? 202 : 200).body(answer);
  }

  /**
   * Makes the request's inputs reachable by every worker (a no-op without an object store). The
   * queue assigns job ids on submit; staging is content-addressed and needs none, so it gets a
   * submission id for its logs.
   */
  static JobRequest stage(JobFiles files, Storage storage, JobRequest request) throws IOException {
    try {
      return request.withSpec(files.stageInputs("submission-" + java.util.UUID.randomUUID(), request.spec()));
    } catch (IOException | RuntimeException e) {
      storage.deleteIncoming(request.spec()); // nothing is queued: nothing will use what intake fetched
      throw e;
    }
  }

  @GetMapping("/jobs/{id}")
  ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
    return queue.get(id).map(j -> ResponseEntity.ok(JobView.of(j)))
        .orElseGet(() -> ResponseEntity.status(404).body(ordered("error", "Job not found")));
  }

  @GetMapping("/jobs")
  ResponseEntity<Map<String, Object>> list(@RequestParam Optional<String> status, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int limit) {
    Optional<JobStatus> filter;
    try {
      filter = status.map(JobStatus::parse);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(ordered("error", "unknown status " + status.get()));
    }
    int size = Math.max(1, Math.min(limit, 500));
    List<Map<String, Object>> jobs = queue.list(filter, Math.max(0, offset), size).stream().map(JobView::of).toList();
    return ResponseEntity.ok(ordered("jobs", jobs, "offset", Math.max(0, offset), "limit", size, "count", jobs.size()));
  }

  @DeleteMapping("/jobs/{id}")
  ResponseEntity<Map<String, Object>> cancel(@PathVariable String id) {
    Optional<Job> before = queue.get(id);
    if (before.isEmpty()) return ResponseEntity.status(404).body(ordered("error", "Job not found"));
    if (before.get().status().terminal()) {
      return ResponseEntity.status(409).body(ordered("error", "Job already " + before.get().status().wire(), "status", before.get().status().wire()));
    }
    Job after = dispatcher.cancel(id).orElseThrow();
    return ResponseEntity.ok(JobView.of(after));
  }

  @GetMapping("/queue/stats")
  Map<String, Object> stats() {
    JobQueue.Stats s = queue.stats();
    return ordered("waiting", s.queued(), "active", s.active(), "completed", s.completed(), "failed", s.failed(),
        "cancelled", s.cancelled(), "total", s.total(),
        // In a fleet: every live worker's slots, plus this node's own if it renders.
        "slots", dispatcher.slots() + workers.map(w -> w.list().stream().mapToInt(WorkerRegistry.WorkerInfo::slots).sum()).orElse(0));
  }

  /**
   * {@code GET /queue/dead}: jobs that failed for good, newest first, with every attempt's error. The
   * fleet keeps them in a stream; the embedded queue has none (its failed jobs are in
   * {@code GET /jobs?status=failed}).
   */
  @GetMapping("/queue/dead")
  Map<String, Object> deadLetters(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    int from = Math.max(0, Math.min(offset, 20_000));
    int size = Math.max(1, Math.min(limit, 500));
    if (!(queue instanceof RedisJobQueue fleet)) {
      return ordered("deadLetters", List.of(), "offset", from, "limit", size, "count", 0, "total", 0, "mode", "embedded",
          "message", "dead letters are kept in fleet mode only; failed jobs are listed by GET /jobs?status=failed");
    }
    List<Map<String, Object>> page = fleet.deadLetters(from, size).stream().map(d -> ordered("jobId", d.jobId(), "attempts",
        d.attempts(), "error", d.error(), "errors", d.errors(), "failedAt", JsTime.of(d.failedAt()), "entryId", d.entryId())).toList();
    return ordered("deadLetters", page, "offset", from, "limit", size, "count", page.size(), "total", fleet.deadLetterCount(),
        "mode", "fleet");
  }

  /** Server-sent events: one {@code job} event per change, ending after the terminal state and its webhook. */
  @GetMapping("/jobs/{id}/events")
  ResponseEntity<?> events(@PathVariable String id) {
    Optional<Job> job = queue.get(id);
    if (job.isEmpty()) return ResponseEntity.status(404).body(ordered("error", "Job not found"));
    SseEmitter emitter = new SseEmitter(0L);
    Object lock = new Object();
    AutoCloseable[] sub = new AutoCloseable[1];
    java.util.function.Consumer<Job> send = j -> {
      synchronized (lock) {
        try {
          emitter.send(SseEmitter.event().name("job").data(JobView.of(j), MediaType.APPLICATION_JSON));
          // The stream ends with the job, once its webhook (if any) is settled too.
          if (j.status().terminal() && j.delivery().state() != dev.smelter.video.server.job.Delivery.State.PENDING) emitter.complete();
        } catch (IOException | IllegalStateException gone) {
          emitter.completeWithError(gone);
        }
      }
    };
    sub[0] = events.subscribe(id, send);
    Runnable unsubscribe = () -> {
      try {
        sub[0].close();
      } catch (Exception ignored) {
        // nothing to release
      }
    };
    emitter.onCompletion(unsubscribe);
    emitter.onTimeout(unsubscribe);
    emitter.onError(e -> unsubscribe.run());
    send.accept(queue.get(id).orElse(job.get()));
    return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
  }
}
