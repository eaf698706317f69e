package dev.smelter.video.server.queue;

import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The job store and queue. The embedded implementation keeps records on disk; a Redis Streams one
 * can replace it (issue #5) without the API or the workers noticing. Contract for implementations:
 * records are replaced whole (never half-written), every stored change is published to
 * {@link dev.smelter.video.server.job.JobEvents}, and after a restart jobs left in an active state
 * are handed out again.
 */
public interface JobQueue {
  /** Queues a new job, or returns the existing one with the same idempotency key. */
  Submission submit(JobRequest request);

  record Submission(Job job, boolean created) {}

  Optional<Job> get(String id);

  /** Newest first. */
  List<Job> list(Optional<JobStatus> status, int offset, int limit);

  /**
   * Takes the next runnable job (highest priority, then oldest) and marks it claimed, waiting up to
   * {@code wait} for one. Empty when none became runnable in time.
   */
  Optional<Job> claim(Duration wait) throws InterruptedException;

  /**
   * Applies a change to the stored job; empty if the job does not exist. {@code change} answers the
   * next record, or its argument itself when nothing changes (then nothing is stored); it may be
   * called again with a newer record when another node changed the job meanwhile.
   */
  Optional<Job> update(String id, UnaryOperator<Job> change);

  /**
   * A compare-and-set with its outcome: {@link #update} that also says which record the change was
   * applied to, so a caller knows whether its own call made the transition (and so owes its
   * consequences, a webhook) or found the job already moved on. Empty if the job does not exist.
   */
  default Optional<Transition> transition(String id, UnaryOperator<Job> change) {
    Job[] before = new Job[1];
    return update(id, j -> {
      before[0] = j;
      return change.apply(j);
    }).map(after -> new Transition(before[0], after));
  }

  /** What one {@link #transition} found ({@code before}) and left ({@code after}: the same record when the change did not apply). */
  record Transition(Job before, Job after) {
    /** The stored record if this call changed it. */
    public Optional<Job> applied() {
      return after == before ? Optional.empty() : Optional.of(after);
    }
  }

  /**
   * Lets go of this node's claim on a job without recording anything (its outcome could not be
   * recorded in time): a queue that hands out stalled claims to other nodes then does so with this one.
   */
  default void release(String id) {}

  /** Deletes a finished job's record. */
  void remove(String id);

  Stats stats();

  record Stats(long queued, long active, long completed, long failed, long cancelled, long total) {}
}
