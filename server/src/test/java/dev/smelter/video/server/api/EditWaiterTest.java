package dev.smelter.video.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.FileJobQueue;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code /edit}'s wait ends when its job ends, also when the job's terminal event never reaches it. */
class EditWaiterTest {
  @Test
  void aLostTerminalEventIsMadeUpByLookingAtTheJob() throws Exception {
    JobEvents queueEvents = new JobEvents();
    // The waiter listens on other events than the queue announces on: every event is lost.
    FileJobQueue queue = new FileJobQueue(Files.createTempDirectory("smelter-edit-waiter"), JsonMapper.builder().build(), queueEvents,
        Clock.systemUTC(), 3);
    String id = queue.submit(new JobRequest(JsonMapper.builder().build().readTree("{\"clips\":[]}"), "x.mp4", Optional.empty(),
        Optional.empty(), Optional.empty(), 0, Optional.empty())).job().id();
    JobEvents waiterEvents = new JobEvents();
    EditWaiter waiter = new EditWaiter(queue, waiterEvents, Duration.ofMillis(100));
    CompletableFuture<Optional<dev.smelter.video.server.job.Job>> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return waiter.awaitTerminal(id, Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long subscribed = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!waiterEvents.hasListeners(id) && System.nanoTime() < subscribed) {
      Thread.sleep(5); // until the waiter listens (bounded): the job must end after its first look
    }
    queue.update(id, j -> j.ended(JobStatus.FAILED, "done elsewhere", Instant.now()));
    long start = System.nanoTime();
    var done = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(done).isPresent();
    assertThat(done.get().status()).isEqualTo(JobStatus.FAILED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(waiter.awaitTerminal("no-such-job", Duration.ofMillis(250))).isEmpty(); // bounded by its timeout
  }
}
