package dev.smelter.video.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.job.Callback;
import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Recovery after a crash (a new queue on the same folder): interrupted attempts count towards the max. */
class FileJobQueueTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private FileJobQueue open() throws Exception {
    return new FileJobQueue(dir, JSON, new JobEvents(), Clock.systemUTC(), 2);
  }

  @Test
  void aJobInterruptedOnItsLastAttemptFailsInsteadOfLoopingAcrossRestarts() throws Exception {
    FileJobQueue first = open();
    String id = first.submit(new JobRequest(JSON.createObjectNode(), "a.mp4",
        Optional.of(new Callback("http://127.0.0.1:9/hook", Map.of(), Optional.empty())), Optional.empty(), Optional.empty(), 0,
        Optional.empty())).job().id();
    assertThat(first.claim(Duration.ofSeconds(5)).orElseThrow().attempts()).isEqualTo(1);

    // Crash during attempt 1 of 2: queued again, the attempt counted.
    FileJobQueue second = open();
    Job requeued = second.get(id).orElseThrow();
    assertThat(requeued.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(requeued.attempts()).isEqualTo(1);
    assertThat(requeued.error()).contains("interrupted by a server restart");
    assertThat(second.claim(Duration.ofSeconds(5)).orElseThrow().attempts()).isEqualTo(2);

    // Crash during attempt 2 of 2: failed for good, with its webhook due.
    FileJobQueue third = open();
    Job failed = third.get(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.error().orElseThrow()).contains("interrupted by a server restart during attempt 2 of 2", "not retried");
    assertThat(failed.finishedAt()).isPresent();
    assertThat(failed.delivery().state()).isEqualTo(Delivery.State.PENDING);
    assertThat(third.claim(Duration.ofMillis(50))).isEmpty();
    // and it stays failed on the next start
    assertThat(open().get(id).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
  }

  /** Issue 21: twelve concurrent submissions of one name get twelve names; a finished holder frees it (Editly's overwrite). */
  @Test
  void anOutputNameHeldByAnUnfinishedJobIsNeverGivenToAnother() throws Exception {
    FileJobQueue queue = open();
    List<Job> jobs = submitConcurrently(queue, "same.mp4", 12);
    List<String> names = jobs.stream().map(Job::outputFilename).toList();
    assertThat(names).doesNotHaveDuplicates().contains("same.mp4", "same-2.mp4", "same-9.mp4");
    assertThat(names.stream().filter(n -> n.matches("same-[0-9a-f-]{36}\\.mp4"))).hasSize(3);

    Job holder = jobs.stream().filter(j -> j.outputFilename().equals("same.mp4")).findFirst().orElseThrow();
    queue.update(holder.id(), j -> j.ended(JobStatus.CANCELLED, "cancelled", Clock.systemUTC().instant()));
    assertThat(queue.submit(request("same.mp4")).job().outputFilename()).isEqualTo("same.mp4");
    Job next = queue.submit(request("same.mp4")).job();
    assertThat(next.outputFilename()).isEqualTo("same-" + next.id() + ".mp4");
  }

  static JobRequest request(String name) {
    return new JobRequest(JSON.createObjectNode(), name, Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());
  }

  /** {@code n} submissions released at once from their own threads. */
  public static List<Job> submitConcurrently(JobQueue queue, String name, int n) throws Exception {
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Job>> futures = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          go.await(10, java.util.concurrent.TimeUnit.SECONDS);
          return queue.submit(request(name)).job();
        }));
      }
      go.countDown();
      List<Job> jobs = new java.util.ArrayList<>();
      for (var f : futures) jobs.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
      return jobs;
    }
  }
}
