package dev.smelter.video.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.JobQueue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis queue's claim protocol against the real Redis on 127.0.0.1:6379, with two "nodes" (queue
 * instances with their own connections and consumer names) in this JVM and no render processes.
 * Each test has its own namespace, deleted afterwards.
 */
class RedisJobQueueTest {
  private final String namespace = "smelter-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private final List<AutoCloseable> open = new ArrayList<>();

  private record Node(FleetRedis redis, RedisJobQueue queue, JobEvents events) {}

  private Node node(String id, int maxAttempts, Duration reclaimAfter, Duration heartbeat) {
    FleetRedis redis = new FleetRedis("redis://127.0.0.1:6379", namespace, id);
    JobEvents events = new JobEvents();
    RedisJobQueue queue = new RedisJobQueue(redis, JsonMapper.builder().build(), events, Clock.systemUTC(),
        new RedisJobQueue.Settings(maxAttempts, reclaimAfter, heartbeat, Duration.ofMinutes(10)));
    open.add(redis);
    open.add(queue); // closed first
    return new Node(redis, queue, events);
  }

  @AfterEach
  void cleanUp() throws Exception {
    FleetRedis any = open.isEmpty() ? null : (FleetRedis) open.getFirst();
    if (any != null) {
      ScanIterator<String> keys = ScanIterator.scan(any.commands(), ScanArgs.Builder.matches(namespace + "*").limit(500));
      List<String> all = new ArrayList<>();
      keys.forEachRemaining(all::add);
      if (!all.isEmpty()) any.commands().del(all.toArray(String[]::new));
    }
    for (AutoCloseable c : open.reversed()) c.close();
  }

  private static JobRequest request(Optional<String> key) {
    return new JobRequest(JsonMapper.builder().build().readTree("{\"width\":64,\"height\":112,\"clips\":[]}"), "x.mp4", Optional.empty(),
        Optional.empty(), Optional.empty(), 0, key);
  }

  private static JobRequest request(String spec) {
    return new JobRequest(JsonMapper.builder().build().readTree(spec), "x.mp4", Optional.empty(), Optional.empty(), Optional.empty(), 0,
        Optional.empty());
  }

  /**
   * Issue 20: the scripts run by their SHA-1 (the one Redis caches them under), and a Redis that
   * forgot them (restarted, {@code SCRIPT FLUSH}) gets them again with the next call.
   */
  @Test
  void scriptsRunByDigestAndAreLoadedAgainAfterRedisForgetsThem() throws Exception {
    Node a = node("a", 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    a.queue().submit(request(Optional.empty()));
    assertThat(a.redis().commands().scriptExists(FleetScript.SUBMIT.sha())).containsExactly(true);

    a.redis().commands().scriptFlush();
    assertThat(a.redis().commands().scriptExists(FleetScript.SUBMIT.sha(), FleetScript.UPDATE.sha())).containsExactly(false, false);
    Job second = a.queue().submit(request(Optional.empty())).job();
    assertThat(a.queue().get(second.id())).map(Job::status).contains(JobStatus.QUEUED);
    assertThat(a.redis().commands().scriptExists(FleetScript.SUBMIT.sha())).containsExactly(true);
    Optional<Job> claimed = a.queue().claim(Duration.ofSeconds(5));
    assertThat(claimed).map(Job::status).contains(JobStatus.RENDERING);
    assertThat(a.redis().commands().scriptExists(FleetScript.UPDATE.sha())).containsExactly(true);
  }

  /**
   * Issue 20: {@code transition} says whether its own change was stored, also when another node's
   * change made the compare-and-set retry (the dispatcher sends a job's webhook only if its own call
   * ended the job).
   */
  @Test
  void aTransitionSaysWhetherItsOwnChangeWasStored() throws Exception {
    Node a = node("a", 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    Node b = node("b", 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    String first = a.queue().submit(request(Optional.empty())).job().id();
    JobQueue.Transition cancelled = a.queue()
        .transition(first, j -> j.status().terminal() ? j : j.ended(JobStatus.CANCELLED, "cancelled", Instant.now())).orElseThrow();
    assertThat(cancelled.before().status()).isEqualTo(JobStatus.QUEUED);
    assertThat(cancelled.applied()).map(Job::status).contains(JobStatus.CANCELLED);
    assertThat(a.queue().transition("no-such-job", j -> j)).isEmpty();

    String second = a.queue().submit(request(Optional.empty())).job().id();
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    JobQueue.Transition raced = a.queue().transition(second, j -> {
      // The first try's record goes stale: node b cancels the job before a's compare-and-set.
      if (calls.getAndIncrement() == 0) b.queue().update(second, other -> other.ended(JobStatus.CANCELLED, "by b", Instant.now()));
      return j.status().terminal() ? j : j.ended(JobStatus.FAILED, "by a", Instant.now());
    }).orElseThrow();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(raced.before().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(raced.applied()).isEmpty();
    assertThat(raced.after().error()).contains("by b");
    assertThat(a.queue().get(second)).map(Job::status).contains(JobStatus.CANCELLED);
  }

  /** Issue 21: two nodes submitting one output name at once never give it to two unfinished jobs. */
  @Test
  void anOutputNameHeldByAnUnfinishedJobIsNeverGivenToAnother() throws Exception {
    Node a = node("a", 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    Node b = node("b", 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    var fromA = java.util.concurrent.CompletableFuture.supplyAsync(() -> submitAll(a, 6));
    var fromB = java.util.concurrent.CompletableFuture.supplyAsync(() -> submitAll(b, 6));
    List<dev.smelter.video.server.job.Job> jobs = new ArrayList<>(fromA.get(30, java.util.concurrent.TimeUnit.SECONDS));
    jobs.addAll(fromB.get(30, java.util.concurrent.TimeUnit.SECONDS));
    List<String> names = jobs.stream().map(dev.smelter.video.server.job.Job::outputFilename).toList();
    assertThat(names).doesNotHaveDuplicates().contains("same.mp4", "same-2.mp4", "same-9.mp4");
    assertThat(names.stream().filter(n -> n.matches("same-[0-9a-f-]{36}\\.mp4"))).hasSize(3);

    var holder = jobs.stream().filter(j -> j.outputFilename().equals("same.mp4")).findFirst().orElseThrow();
    a.queue().update(holder.id(), j -> j.ended(dev.smelter.video.server.job.JobStatus.CANCELLED, "cancelled", Clock.systemUTC().instant()));
    assertThat(b.queue().submit(named("same.mp4")).job().outputFilename()).as("free again once its job finished").isEqualTo("same.mp4");
  }

  private static List<dev.smelter.video.server.job.Job> submitAll(Node node, int n) {
    List<java.util.concurrent.Future<dev.smelter.video.server.job.Job>> futures = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
      for (int i = 0; i < n; i++) futures.add(pool.submit(() -> node.queue().submit(named("same.mp4")).job()));
      List<dev.smelter.video.server.job.Job> jobs = new ArrayList<>();
      for (var f : futures) jobs.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
      return jobs;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JobRequest named(String name) {
    return new JobRequest(JsonMapper.builder().build().readTree("{\"width\":64,\"height\":112,\"clips\":[]}"), name, Optional.empty(),
        Optional.empty(), Optional.empty(), 0, Optional.empty());
  }

  @Test
  void jobsThatNeedGlOrAnEncoderGoOnlyToNodesThatHaveIt() throws Exception {
    Node cpu = node("cpu", 3, Duration.ofMillis(300), Duration.ofMillis(100));
    Node gpu = node("gpu", 3, Duration.ofMillis(300), Duration.ofHours(1)); // claims, then never renews
    gpu.queue().capabilities(List.of(JobRequirements.GL, "libx264", "h264_nvenc"));
    String shader = cpu.queue().submit(request("""
        {"width":64,"height":112,"clips":[{"duration":1,"layers":[{"type":"fill-color"},{"type":"gl","fragmentSrc":"void main(){}"}]}]}"""))
        .job().id();
    String nvenc = cpu.queue().submit(request("""
        {"width":64,"height":112,"clips":[],"customOutputArgs":["-preset","fast","-c:v","h264_nvenc"]}""")).job().id();
    String plain = cpu.queue().submit(request("""
        {"width":64,"height":112,"clips":[],"customOutputArgs":["-c:v","libx264"]}""")).job().id();
    var redis = cpu.redis().commands();
    assertThat(redis.hget(cpu.redis().keys().job(shader), "class")).isEqualTo("gl");
    assertThat(redis.hget(cpu.redis().keys().job(nvenc), "class")).isEqualTo("h264_nvenc");
    assertThat(redis.hget(cpu.redis().keys().job(plain), "class")).isEmpty();
    assertThat(redis.xlen(cpu.redis().keys().queue(0, "gl"))).isEqualTo(1);
    var mapper = JsonMapper.builder().build();
    assertThat(JobRequirements.of(mapper.readTree("""
        {"clips":[{"layers":[{"type":"rainbow-colors"}]}],"customOutputArgs":["-vcodec","H264_NVENC"]}"""))).isEqualTo("gl+h264_nvenc");
    assertThat(JobRequirements.of(mapper.readTree("""
        {"clips":[],"customOutputArgs":["-c:v","h264_made_up"]}"""))).as("unknown: fails anywhere, waits nowhere").isEmpty();
    assertThat(JobRequirements.of(mapper.readTree("""
        {"clips":[{"layers":{"type":"gl","fragmentPath":"a.frag"}}]}"""))).as("one layer object, as Editly reads it").isEqualTo("gl");

    // The plain node takes the plain job only, though it was submitted last.
    assertThat(cpu.queue().claim(Duration.ofSeconds(2)).orElseThrow().id()).isEqualTo(plain);
    assertThat(cpu.queue().claim(Duration.ofMillis(300))).isEmpty();
    List<String> onGpu = List.of(gpu.queue().claim(Duration.ofSeconds(2)).orElseThrow().id(),
        gpu.queue().claim(Duration.ofSeconds(2)).orElseThrow().id());
    assertThat(onGpu).containsExactlyInAnyOrder(shader, nvenc);

    // The gpu node stops renewing: the plain node does not take its jobs over (it reads none of their
    // streams) until it can run one of them.
    assertThat(cpu.queue().claim(Duration.ofMillis(1000))).isEmpty();
    cpu.queue().capabilities(List.of(JobRequirements.GL));
    Job taken = cpu.queue().claim(Duration.ofSeconds(3)).orElseThrow();
    assertThat(taken.id()).isEqualTo(shader);
    assertThat(taken.attempts()).isEqualTo(2);
    assertThat(cpu.queue().claim(Duration.ofMillis(1000))).isEmpty(); // not the nvenc job

    // A retry goes back to the stream of its class.
    cpu.queue().update(shader, j -> j.requeued(Optional.empty(), Optional.of("boom"), Instant.now()));
    assertThat(redis.xlen(cpu.redis().keys().queue(0, "gl"))).isEqualTo(1);
    assertThat(redis.xlen(cpu.redis().keys().queue(0))).as("the plain job's entry only, still claimed").isEqualTo(1);
    assertThat(cpu.queue().claim(Duration.ofSeconds(2)).orElseThrow().id()).isEqualTo(shader);
  }

  @Test
  void aClaimThatStopsBeingRenewedIsTakenOverAndTheStaleNodesWritesAreRefused() throws Exception {
    // a: heart-beats far too rarely to keep its claim; b: takes over after 300 ms.
    Node a = node("a", 3, Duration.ofMillis(300), Duration.ofHours(1));
    Node b = node("b", 3, Duration.ofMillis(300), Duration.ofMillis(100));
    String id = a.queue().submit(request(Optional.empty())).job().id();
    Job first = a.queue().claim(Duration.ofSeconds(2)).orElseThrow();
    assertThat(first.attempts()).isEqualTo(1);

    Job second = b.queue().claim(Duration.ofSeconds(5)).orElseThrow();
    assertThat(second.id()).isEqualTo(id);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(b.redis().commands().hget(b.redis().keys().job(id), "owner")).isEqualTo("b");
    // The stale node's conditional write (what RenderDispatcher does) changes nothing.
    Job after = a.queue().update(id, j -> j.attempts() == first.attempts() && j.status().active()
        ? j.ended(JobStatus.FAILED, "stale", Instant.now()) : j).orElseThrow();
    assertThat(after.status()).isEqualTo(JobStatus.RENDERING);
    assertThat(after.attempts()).isEqualTo(2);
    assertThat(a.queue().claimedHere()).containsExactly(id); // until its next heartbeat finds out
    assertThat(b.queue().claimedHere()).containsExactly(id);

    b.queue().update(id, j -> j.completed(new dev.smelter.video.server.job.JobResult("x.mp4", "/download/x.mp4", 1, 1, 1, "libx264", 1, java.util.List.of()),
        Instant.now()));
    var pending = b.redis().commands().xpending(b.redis().keys().queue(0), FleetKeys.GROUP);
    assertThat(pending.getCount()).isZero();
    assertThat(b.redis().commands().xlen(b.redis().keys().queue(0))).isZero();
    assertThat(b.redis().commands().ttl(b.redis().keys().job(id))).isBetween(1L, 600L);
  }

  @Test
  void aLiveNodesLongClaimIsNotTakenOver() throws Exception {
    Node a = node("a", 3, Duration.ofMillis(400), Duration.ofMillis(100));
    Node b = node("b", 3, Duration.ofMillis(400), Duration.ofMillis(100));
    String id = a.queue().submit(request(Optional.empty())).job().id();
    a.queue().claim(Duration.ofSeconds(2)).orElseThrow();
    // b keeps trying for more than three reclaim periods while a keeps renewing.
    assertThat(b.queue().claim(Duration.ofMillis(1500))).isEmpty();
    assertThat(a.redis().commands().hget(a.redis().keys().job(id), "owner")).isEqualTo("a");
  }

  @Test
  void aJobWhoseWorkersKeepDyingFailsIntoTheDeadLetters() throws Exception {
    Node a = node("a", 1, Duration.ofMillis(200), Duration.ofHours(1));
    Node b = node("b", 1, Duration.ofMillis(200), Duration.ofHours(1));
    CompletableFuture<Job> gaveUp = new CompletableFuture<>();
    b.queue().onGaveUp(gaveUp::complete);
    String id = a.queue().submit(request(Optional.empty())).job().id();
    a.queue().claim(Duration.ofSeconds(2)).orElseThrow();

    assertThat(b.queue().claim(Duration.ofMillis(1500))).isEmpty();
    Job failed = gaveUp.get(5, TimeUnit.SECONDS);
    assertThat(failed.id()).isEqualTo(id);
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error().orElseThrow()).contains("stopped during attempt 1 of 1");
    var dead = b.queue().deadLetters();
    assertThat(dead).singleElement().satisfies(d -> {
      assertThat(d.jobId()).isEqualTo(id);
      assertThat(d.errors()).singleElement().asString().startsWith("attempt 1: the worker stopped");
    });
    assertThat(b.redis().commands().xpending(b.redis().keys().queue(0), FleetKeys.GROUP).getCount()).isZero();
  }

  @Test
  void aRetryWaitsForItsBackoffAndItsErrorIsKept() throws Exception {
    Node a = node("a", 3, Duration.ofSeconds(30), Duration.ofSeconds(5));
    String id = a.queue().submit(request(Optional.empty())).job().id();
    Job claimed = a.queue().claim(Duration.ofSeconds(2)).orElseThrow();
    Instant due = Instant.now().plusMillis(400);
    a.queue().update(id, j -> j.requeued(Optional.of(due), Optional.of("boom"), Instant.now()));
    assertThat(a.redis().commands().zscore(a.redis().keys().delayed(), id)).isNotNull();
    assertThat(a.queue().claim(Duration.ofMillis(100))).isEmpty(); // not due yet

    Job again = a.queue().claim(Duration.ofSeconds(3)).orElseThrow();
    assertThat(again.id()).isEqualTo(id);
    assertThat(again.attempts()).isEqualTo(claimed.attempts() + 1);
    assertThat(Instant.now()).isAfterOrEqualTo(due.minusMillis(5));
    assertThat(a.redis().commands().lrange(a.redis().keys().errors(id), 0, -1)).containsExactly("attempt 1: boom");
  }

  @Test
  void cancellingAQueuedJobRemovesItsEntryAndItsEventReachesOtherNodes() throws Exception {
    Node api = node("api", 3, Duration.ofSeconds(30), Duration.ofSeconds(5));
    Node worker = node("worker", 3, Duration.ofSeconds(30), Duration.ofSeconds(5));
    String id = api.queue().submit(request(Optional.of("k1"))).job().id();
    CompletableFuture<Job> seen = new CompletableFuture<>();
    try (AutoCloseable sub = worker.events().subscribe(id, j -> {
      if (j.status() == JobStatus.CANCELLED) seen.complete(j);
    })) {
      api.queue().update(id, j -> j.ended(JobStatus.CANCELLED, "cancelled", Instant.now()));
      assertThat(seen.get(5, TimeUnit.SECONDS).id()).isEqualTo(id);
    }
    assertThat(worker.redis().commands().xlen(worker.redis().keys().queue(0))).isZero();
    assertThat(worker.queue().claim(Duration.ofMillis(200))).isEmpty();
    // The idempotency key lives as long as the finished record.
    assertThat(api.redis().commands().ttl(api.redis().keys().idempotency("k1"))).isBetween(1L, 600L);
    assertThat(api.queue().submit(request(Optional.of("k1"))).created()).isFalse();
    assertThat(api.queue().stats().cancelled()).isEqualTo(1);
  }
}
