package dev.smelter.video.server.job;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A render job as the queue stores it. Immutable: every change makes a new record (written to disk
 * whole, so a crash never leaves half a job).
 *
 * @param spec the Editly spec after server-side rewriting (absolute, confined paths; outPath set)
 * @param outputFilename the name under the outputs folder
 * @param attempts attempts started so far
 * @param notBefore a retried job waits until then
 */
public record Job(
    String id,
    JobStatus status,
    int priority,
    Optional<String> idempotencyKey,
    JsonNode spec,
    String outputFilename,
    Optional<Callback> callback,
    Optional<String> progressUrl,
    Optional<JsonNode> metadata,
    Progress progress,
    int attempts,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Optional<Instant> notBefore,
    Optional<JobResult> result,
    Optional<String> error,
    Delivery delivery) {

  public Job withStatus(JobStatus next, Instant now) {
    Optional<Instant> finished = next.terminal() ? Optional.of(now) : finishedAt;
    Optional<Instant> started = next == JobStatus.RENDERING && startedAt.isEmpty() ? Optional.of(now) : startedAt;
    return new Job(id, next, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata, progress,
        attempts, createdAt, now, started, finished, notBefore, result, error, delivery);
  }

  public Job withProgress(Progress p, Instant now) {
    return new Job(id, status, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata, p,
        attempts, createdAt, now, startedAt, finishedAt, notBefore, result, error, delivery);
  }

  /** Claimed by a worker: one more attempt, rendering from frame 0. */
  public Job claimed(Instant now) {
    return new Job(id, JobStatus.RENDERING, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata,
        Progress.NONE, attempts + 1, createdAt, now, startedAt.isPresent() ? startedAt : Optional.of(now), Optional.empty(),
        Optional.empty(), result, error, delivery);
  }

  /** Back to the queue (retry after a failure, or recovery after a restart). */
  public Job requeued(Optional<Instant> after, Optional<String> lastError, Instant now) {
    return new Job(id, JobStatus.QUEUED, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata,
        Progress.NONE, attempts, createdAt, now, startedAt, Optional.empty(), after, Optional.empty(), lastError, delivery);
  }

  /**
   * Given back unfinished by a draining worker: queued again at once, and the attempt it started does
   * not count (nothing failed).
   */
  public Job handedBack(Instant now) {
    return new Job(id, JobStatus.QUEUED, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata,
        Progress.NONE, Math.max(0, attempts - 1), createdAt, now, startedAt, Optional.empty(), Optional.empty(), Optional.empty(),
        error, delivery);
  }

  public Job completed(JobResult r, Instant now) {
    Progress done = new Progress(100, r.frames(), r.frames(), progress.framesPerSecond(), 0);
    return new Job(id, JobStatus.COMPLETED, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata,
        done, attempts, createdAt, now, startedAt, Optional.of(now), Optional.empty(), Optional.of(r), Optional.empty(),
        callback.isPresent() ? new Delivery(Delivery.State.PENDING, delivery.attempts()) : delivery);
  }

  public Job ended(JobStatus terminal, String message, Instant now) {
    return new Job(id, terminal, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata, progress,
        attempts, createdAt, now, startedAt, Optional.of(now), Optional.empty(), Optional.empty(), Optional.of(message),
        callback.isPresent() ? new Delivery(Delivery.State.PENDING, delivery.attempts()) : delivery);
  }

  public Job withDelivery(Delivery d, Instant now) {
    return new Job(id, status, priority, idempotencyKey, spec, outputFilename, callback, progressUrl, metadata, progress,
        attempts, createdAt, now, startedAt, finishedAt, notBefore, result, error, d);
  }
}
