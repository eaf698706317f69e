package dev.smelter.video.server.api;

import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.queue.JobQueue;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks a (virtual) request thread until a job is finished, bounded by a timeout. */
final class EditWaiter {
  private final JobQueue queue;
  private final JobEvents events;

  EditWaiter(JobQueue queue, JobEvents events) {
    this.queue = queue;
    this.events = events;
  }

  /** The finished job, or empty when it did not finish in time. */
  Optional<Job> awaitTerminal(String jobId, Duration timeout) throws InterruptedException {
    CompletableFuture<Job> done = new CompletableFuture<>();
    try (AutoCloseable sub = events.subscribe(jobId, j -> {
      if (j.status().terminal()) done.complete(j);
    })) {
      // It may have finished before we subscribed.
      queue.get(jobId).filter(j -> j.status().terminal()).ifPresent(done::complete);
      return Optional.of(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception closing) {
      throw new IllegalStateException(closing);
    }
  }
}
