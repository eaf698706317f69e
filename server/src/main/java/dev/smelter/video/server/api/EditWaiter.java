package dev.smelter.video.server.api;

import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.queue.QueueUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a (virtual) request thread until a job is finished, bounded by a timeout. Job events wake
 * it; it also looks at the job itself every {@code poll}, because an event can be lost (in a fleet,
 * one published while this node's pub/sub connection was down during a Redis outage), and a lost
 * terminal event must not hold {@code /edit} until its timeout.
 */
final class EditWaiter {
  private final JobQueue queue;
  private final JobEvents events;
  private final Duration poll;

  EditWaiter(JobQueue queue, JobEvents events) {
    this(queue, events, Duration.ofSeconds(5));
  }

  EditWaiter(JobQueue queue, JobEvents events, Duration poll) {
    this.queue = queue;
    this.events = events;
    this.poll = poll;
  }

  /** The finished job, or empty when it did not finish in time. */
  Optional<Job> awaitTerminal(String jobId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Job> done = new CompletableFuture<>();
    try (AutoCloseable sub = events.subscribe(jobId, j -> {
      if (j.status().terminal()) done.complete(j);
    })) {
      while (true) {
        // It may have finished before we subscribed, or its event may have been lost.
        try {
          queue.get(jobId).filter(j -> j.status().terminal()).ifPresent(done::complete);
        } catch (QueueUnavailableException e) {
          // The queue is away for now (a Redis outage): keep waiting, the render goes on.
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 && !done.isDone()) return Optional.empty();
        try {
          return Optional.of(done.get(Math.max(1, Math.min(left, poll.toNanos())), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          // look again
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception closing) {
      throw new IllegalStateException(closing);
    }
  }
}
