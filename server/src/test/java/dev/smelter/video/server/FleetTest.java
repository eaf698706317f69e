package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.server.fleet.DeadLetter;
import dev.smelter.video.server.fleet.FleetKeys;
import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.fleet.RedisJobQueue;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.storage.objects.S3ObjectStore;
import dev.smelter.video.server.storage.objects.S3TestServer;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fleet mode against the real Redis on 127.0.0.1:6379: one API node (in this JVM, no render slots)
 * and two render workers (child JVMs, {@code w1} and {@code w2}) sharing a data folder. Each run uses
 * its own key namespace and deletes it afterwards. The tests run in order: the worker killed near the
 * end is not replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetTest {
  static final String REDIS = "redis://127.0.0.1:6379";

  private final String namespace = "smelter-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private final Map<String, Process> workers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> webhooks = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> lastWebhook = new ConcurrentHashMap<>();
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
  private Path data;
  private TestServer api;
  /** The object-store fleet: its own namespace, an API node with {@code --storage} and worker w3 with its own data dir. */
  private final String s3Namespace = namespace + "s3:";
  private S3ObjectStore bucket;
  private String storageUrl;
  private Path s3WorkerData;
  private TestServer s3Api;
  private HttpServer receiver;
  private FleetRedis redis;

  @BeforeAll
  void startFleet() throws Exception {
    data = Files.createTempDirectory("smelter-fleet-test");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      JsonNode body = JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes());
      lastWebhook.put(body.get("jobId").asString(), body);
      webhooks.computeIfAbsent(body.get("jobId").asString(), k -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    byte[] png = Files.readAllBytes(TestMedia.png(Files.createTempFile("smelter-fleet-remote", ".png"), 16, 16, 0xFF112233));
    receiver.createContext("/media/page.png", exchange -> {
      exchange.sendResponseHeaders(200, png.length);
      exchange.getResponseBody().write(png);
      exchange.close();
    });
    receiver.start();
    S3TestServer s3 = S3TestServer.shared();
    String bucketName = s3.newBucket();
    bucket = s3.store(bucketName, "");
    storageUrl = s3.url(bucketName);
    s3WorkerData = Files.createTempDirectory("smelter-fleet-remote-worker");
    List<CompletableFuture<Void>> ready = List.of(startProbingWorker("w1"), startWorker("w2"),
        startWorker("w3", s3WorkerData, s3Namespace, storageArgs()));
    api = startApi();
    s3Api = TestServer.start(Files.createTempDirectory("smelter-fleet-s3-api"), concat(List.of("--slots", "0", "--redis", REDIS,
        "--smelter.redis.namespace=" + s3Namespace), storageArgs()));
    contexts.add(s3Api.context);
    for (CompletableFuture<Void> r : ready) r.get(120, TimeUnit.SECONDS);
    redis = new FleetRedis(REDIS, namespace, "test");
  }

  private TestServer startApi() {
    TestServer s = TestServer.start(data, List.of("--slots", "0", "--redis", REDIS, "--smelter.redis.namespace=" + namespace,
        "--smelter.security.allow-private-remote=true")); // remote media from the loopback origin below
    contexts.add(s.context);
    return s;
  }

  private List<String> storageArgs() {
    return List.of("--storage", storageUrl, "--smelter.storage.access-key=" + S3TestServer.ACCESS_KEY,
        "--smelter.storage.secret-key=" + S3TestServer.SECRET_KEY);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private CompletableFuture<Void> startWorker(String id) throws IOException {
    return startWorker(id, data, namespace, List.of());
  }

  /** Like {@link #startWorker(String)}, and the worker probes its encoders for {@code GET /workers}. */
  private CompletableFuture<Void> startProbingWorker(String id) throws IOException {
    return startWorker(id, data, namespace, List.of("--smelter.redis.probe-capabilities=true"));
  }

  /** A worker JVM; completes when it reports ready. */
  private CompletableFuture<Void> startWorker(String id, Path dataDir, String ns, List<String> extra) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xss4m", "-cp", System.getProperty("java.class.path"), WorkerApplication.class.getName(),
        "--redis", REDIS, "--data-dir", dataDir.toString(), "--slots", "1", "--gpu", "off",
        "--smelter.redis.namespace=" + ns, "--smelter.redis.worker-id=" + id,
        // Claims are renewed every 0.5 s and taken over after 5 s without one: ten missed renewals, so a
        // worker JVM starved for a few seconds on a loaded 2-core box keeps its job.
        "--smelter.redis.heartbeat=PT0.5S", "--smelter.redis.reclaim-after=PT5S", "--smelter.redis.drain-timeout=PT0.5S",
        "--smelter.redis.probe-capabilities=false", "--smelter.worker.retry-backoff=PT0.1S",
        "--smelter.webhook.initial-backoff=PT0.05S", "--smelter.webhook.allowed-hosts=127.0.0.1", // the test's receiver
        "--smelter.worker.java-options=-XX:TieredStopAtLevel=1"));
    // A setting in extra replaces the default above (Spring would join two values with a comma).
    command.removeIf(a -> a.startsWith("--smelter.") && a.contains("=")
        && extra.stream().anyMatch(e -> e.startsWith(a.substring(0, a.indexOf('=') + 1))));
    command.addAll(extra);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    workers.put(id, p);
    CompletableFuture<Void> ready = ReadyLine.watch(p, "smelter-video worker " + id + " ready", "worker " + id, 20_000);
    return ready;
  }

  @AfterAll
  void stopFleet() {
    workers.values().forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
    contexts.forEach(ConfigurableApplicationContext::close);
    if (receiver != null) receiver.stop(0);
    if (bucket != null) bucket.close();
    if (redis != null) {
      ScanIterator<String> keys = ScanIterator.scan(redis.commands(), ScanArgs.Builder.matches(namespace + "*").limit(500));
      List<String> all = new ArrayList<>();
      keys.forEachRemaining(all::add);
      if (!all.isEmpty()) redis.commands().del(all.toArray(String[]::new));
      redis.close();
    }
  }

  private String submit(String spec, String output, int priority) throws Exception {
    String body = """
        {"editSpec":%s,"outputFilename":"%s","priority":%d,"callback":{"url":"http://127.0.0.1:%d/hook"}}"""
        .formatted(spec, output, priority, receiver.getAddress().getPort());
    var r = api.http.post("/jobs", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return Http.json(r).get("jobId").asString();
  }

  /** A spec whose image comes from the loopback origin: fetched at intake into work/incoming-*. */
  private String remoteImageSpec(double seconds) {
    return """
        {"width":64,"height":112,"fps":10,"clips":[{"duration":%s,"layers":[{"type":"image","path":"http://127.0.0.1:%d/media/page.png"}]}]}"""
        .formatted(seconds, receiver.getAddress().getPort());
  }

  /** Waits (bounded) until no remote media fetched at intake is left in the shared data folder; returns what is left. */
  private List<Path> awaitNoIncoming(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Path> left;
      try (var dirs = Files.list(data.resolve("work"))) {
        left = dirs.filter(d -> d.getFileName().toString().startsWith("incoming-")).toList();
      }
      if (left.isEmpty() || System.nanoTime() > deadline) return left;
      Thread.sleep(20); // polling the folder the finishing node cleans, bounded by the deadline
    }
  }

  private String owner(String jobId) {
    return redis.commands().hget(redis.keys().job(jobId), "owner");
  }

  private static double videoSeconds(Path file) throws IOException {
    return new FfmpegProbe().probe(file).video().orElseThrow().duration();
  }

  /**
   * Waits (bounded) until {@code GET /workers} on {@code server} lists worker {@code id} matching
   * {@code ready} (the registry is renewed every heartbeat) and returns its entry as last seen.
   */
  private static JsonNode awaitWorker(TestServer server, String id, java.util.function.Predicate<JsonNode> ready, Duration timeout)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode entry = Http.json(server.http.get("/workers")).get("workers").valueStream()
          .filter(w -> w.get("id").asString().equals(id)).findFirst().orElse(null);
      if ((entry != null && ready.test(entry)) || System.nanoTime() > deadline) return entry;
      Thread.sleep(50); // polling the registry the worker renews every heartbeat, bounded by the deadline
    }
  }

  private static List<String> jobIds(JsonNode worker) {
    return worker.get("jobs").valueStream().map(j -> j.get("jobId").asString()).toList();
  }

  /** Waits (bounded) for the job's first webhook and returns how many arrived by then. */
  private int awaitWebhooks(String jobId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      AtomicInteger n = webhooks.get(jobId);
      if (n != null && n.get() > 0) return n.get();
      Thread.sleep(20); // polling a counter the receiver thread increments, bounded by the deadline
    }
    return 0;
  }

  /**
   * Asserts that each job got exactly one webhook, also after a later, unrelated event: a marker job
   * submitted now through {@code server} is rendered by the fleet and its own webhook awaited, so a
   * duplicate sent around the jobs' completion (a second attempt recording a result, a retried
   * delivery) has had a whole job's round trip to arrive first. Bounded by the marker's timeouts.
   */
  private void assertOneWebhookEach(TestServer server, List<String> jobIds) throws Exception {
    for (String id : jobIds) assertThat(awaitWebhooks(id, Duration.ofSeconds(20))).as("webhooks of " + id).isEqualTo(1);
    var r = server.http.post("/jobs", """
        {"editSpec":%s,"outputFilename":"marker-%s.mp4","callback":{"url":"http://127.0.0.1:%d/hook"}}"""
        .formatted(JobApiTest.tinySpec("white", 0.2), UUID.randomUUID(), receiver.getAddress().getPort()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String marker = Http.json(r).get("jobId").asString();
    assertThat(server.http.awaitTerminal(marker, Duration.ofSeconds(60)).get("status").asString()).isEqualTo("completed");
    assertThat(awaitWebhooks(marker, Duration.ofSeconds(20))).isEqualTo(1);
    for (String id : jobIds) assertThat(webhooks.get(id).get()).as("webhooks of " + id + " after a later job's").isEqualTo(1);
  }

  @Test
  @Order(1)
  void twoWorkersProcessABatchAndTheApiListsThem() throws Exception {
    JsonNode listed = Http.json(api.http.get("/workers"));
    assertThat(listed.get("mode").asString()).isEqualTo("fleet");
    assertThat(listed.get("workers").valueStream().map(w -> w.get("id").asString()).toList()).containsExactly("w1", "w2");
    assertThat(listed.get("slots").asInt()).isEqualTo(2);
    assertThat(listed.at("/workers/0/storage/mode").asString()).isEqualTo("shared-folder");
    assertThat(listed.at("/workers/0/storage/cache").isMissingNode()).isTrue();
    // w1 probes its capabilities after start-up: the encoders that really open here, the GPU setting
    // (off: no GL probe), its slots and the build's version; w2 does not probe.
    JsonNode w1 = awaitWorker(api, "w1", w -> !w.get("encoders").isEmpty(), Duration.ofSeconds(30));
    assertThat(w1.get("encoders").valueStream().map(JsonNode::asString).toList()).as(w1.toString()).contains("libx264");
    assertThat(w1.get("gpu").asString()).isEqualTo("off");
    assertThat(w1.get("slots").asInt()).isEqualTo(1);
    assertThat(w1.get("version").asString()).isEqualTo(BuildInfo.version()).doesNotContain("${").isNotBlank();
    assertThat(w1.get("pid").asLong()).isEqualTo(workers.get("w1").pid());
    assertThat(w1.get("draining").asBoolean()).isFalse();
    assertThat(listed.at("/workers/1/id").asString()).isEqualTo("w2");
    assertThat(listed.at("/workers/1/encoders").isArray()).isTrue();
    assertThat(listed.at("/workers/1/encoders").size()).isZero();

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) ids.add(submit(JobApiTest.tinySpec("#" + (200000 + i * 1111), 1), "fleet-" + i + ".mp4", 0));
    ids.add(submit(remoteImageSpec(1), "fleet-3.mp4", 0)); // its image fetched at intake, removed when the job ends
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode done = api.http.awaitTerminal(ids.get(i), Duration.ofSeconds(60));
      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
      assertThat(done.get("attempts").asInt()).isEqualTo(1);
      assertThat(done.get("result").get("frames").asInt()).isEqualTo(10);
      assertThat(videoSeconds(data.resolve("outputs/fleet-" + i + ".mp4"))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
      owners.add(owner(ids.get(i)));
    }
    assertThat(owners).as("both workers rendered").contains("w1", "w2");
    // The synchronous legacy call waits on the API node for a render done elsewhere.
    var edit = api.http.post("/edit", "{\"editSpec\":" + JobApiTest.tinySpec("gold", 0.5) + ",\"outputFilename\":\"fleet-edit.mp4\"}");
    assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
    assertThat(videoSeconds(data.resolve("outputs/fleet-edit.mp4"))).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    assertOneWebhookEach(api, ids);
    assertThat(awaitNoIncoming(Duration.ofSeconds(10))).as("remote media of a completed job").isEmpty();
    JsonNode stats = Http.json(api.http.get("/queue/stats"));
    assertThat(stats.get("completed").asInt()).isEqualTo(6); // the batch, /edit and the marker
    assertThat(stats.get("waiting").asInt()).isZero();
    assertThat(stats.get("slots").asInt()).isEqualTo(2);
  }

  /**
   * Jobs with a shader layer need EGL: only w1 (whose probe found it: Mesa's llvmpipe where there is
   * no GPU) claims them, though w2 is idle. Skipped where no EGL opens.
   */
  @Test
  @Order(2)
  void jobsThatNeedGlGoOnlyToAWorkerWithGl() throws Exception {
    JsonNode w1 = awaitWorker(api, "w1", w -> w.get("gl").isBoolean(), Duration.ofSeconds(30));
    assertThat(w1.get("gl").isBoolean()).as(w1.toString()).isTrue();
    org.junit.jupiter.api.Assumptions.assumeTrue(w1.get("gl").asBoolean(), "no EGL here: " + w1);
    assertThat(awaitWorker(api, "w2", w -> true, Duration.ofSeconds(1)).get("gl").isNull()).isTrue(); // not probed
    String shader = """
        {"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"rainbow-colors"}]}]}""";
    List<String> ids = List.of(submit(shader, "gl-1.mp4", 0), submit(shader, "gl-2.mp4", 0));
    for (String id : ids) {
      assertThat(redis.commands().hget(redis.keys().job(id), "class")).isEqualTo("gl");
      JsonNode done = api.http.awaitTerminal(id, Duration.ofSeconds(60));
      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
      assertThat(done.at("/result/frames").asInt()).isEqualTo(10);
      assertThat(owner(id)).isEqualTo("w1");
    }
    assertThat(redis.commands().xlen(redis.keys().queue(0, "gl"))).isZero();
    assertOneWebhookEach(api, ids);
  }

  @Test
  @Order(3)
  void cancellationReachesTheWorkerRenderingTheJob() throws Exception {
    String id = submit(remoteImageSpec(3000), "cancelled.mp4", 0);
    api.http.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60)); // progress from a worker, via Redis
    Process worker = workers.get(owner(id));
    List<ProcessHandle> renders = worker.descendants().toList();
    assertThat(renders).isNotEmpty();
    // GET /workers lists the job under the worker rendering it (as of that worker's next heartbeat), and under no other.
    JsonNode rendering = awaitWorker(api, owner(id), w -> jobIds(w).contains(id), Duration.ofSeconds(10));
    assertThat(jobIds(rendering)).as(rendering.toString()).containsExactly(id);
    assertThat(rendering.at("/jobs/0/status").asString()).isEqualTo("rendering");
    assertThat(rendering.at("/jobs/0/attempts").asInt()).isEqualTo(1);
    for (JsonNode other : Http.json(api.http.get("/workers")).get("workers")) {
      if (!other.get("id").asString().equals(owner(id))) assertThat(jobIds(other)).doesNotContain(id);
    }

    var r = api.http.delete("/jobs/" + id);
    assertThat(r.statusCode()).isEqualTo(200);
    for (ProcessHandle render : renders) render.onExit().get(20, TimeUnit.SECONDS); // the worker killed its render
    JsonNode job = Http.json(api.http.get("/jobs/" + id));
    assertThat(job.get("status").asString()).isEqualTo("cancelled");
    assertThat(Files.exists(data.resolve("outputs/cancelled.mp4"))).isFalse();
    assertOneWebhookEach(api, List.of(id)); // the cancelling API node's, none from the worker
    assertThat(awaitNoIncoming(Duration.ofSeconds(10))).as("remote media of a cancelled job").isEmpty();
  }

  @Test
  @Order(4)
  void anApiRestartLosesNothing() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) ids.add(submit(JobApiTest.tinySpec("#" + (300000 + i * 1111), 1), "restart-" + i + ".mp4", 0));
    api.context.close(); // the API node goes away while its jobs are queued or rendering
    api = startApi();
    for (String id : ids) {
      JsonNode done = api.http.awaitTerminal(id, Duration.ofSeconds(60));
      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    }
    assertOneWebhookEach(api, ids);
    JsonNode all = Http.json(api.http.get("/jobs?limit=500"));
    assertThat(all.get("count").asInt()).isEqualTo(15); // the earlier tests' 8 and 3 markers, these 3 and their marker
  }

  @Test
  @Order(5)
  void aKilledWorkersJobIsReclaimedAndCompletesOnceOnTheOther() throws Exception {
    String id = submit(JobApiTest.tinySpec("teal", 600), "reclaimed.mp4", 0);
    api.http.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60));
    String first = owner(id);
    Process victim = workers.get(first);
    List<ProcessHandle> renders = victim.descendants().toList();
    assertThat(renders).isNotEmpty();
    assertThat(jobIds(awaitWorker(api, first, w -> jobIds(w).contains(id), Duration.ofSeconds(10)))).containsExactly(id);

    victim.destroyForcibly(); // SIGKILL: no drain, no hand-back, its claim stays pending in the stream
    assertThat(victim.waitFor(20, TimeUnit.SECONDS)).isTrue();
    workers.remove(first);
    for (ProcessHandle render : renders) render.onExit().get(20, TimeUnit.SECONDS); // orphaned renders stop too

    JsonNode done = api.http.awaitTerminal(id, Duration.ofSeconds(90));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.get("attempts").asInt()).isEqualTo(2);
    assertThat(owner(id)).isNotEqualTo(first).isIn("w1", "w2");
    assertThat(done.get("result").get("frames").asInt()).isEqualTo(6000);
    assertThat(videoSeconds(data.resolve("outputs/reclaimed.mp4"))).isCloseTo(600.0, org.assertj.core.data.Offset.offset(0.01));
    assertOneWebhookEach(api, List.of(id));
    assertThat(redis.commands().xpending(redis.keys().queue(0), FleetKeys.GROUP).getCount()).isZero();
    try (var left = Files.list(data.resolve("outputs"))) {
      assertThat(left.filter(f -> f.getFileName().toString().startsWith("reclaimed")).count()).isEqualTo(1);
    }
    JsonNode listed = Http.json(api.http.get("/workers"));
    assertThat(listed.get("workers").valueStream().map(w -> w.get("id").asString()).toList()).doesNotContain(first);
    // Its entries taken over and its registry entry expired, the dead worker leaves the consumer group too.
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (consumers(0).contains(first) && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling Redis, bounded by the deadline
    }
    assertThat(consumers(0)).doesNotContain(first).contains(owner(id));
  }

  private List<String> consumers(int priority) {
    return redis.commands().xinfoConsumers(redis.keys().queue(priority), FleetKeys.GROUP).stream()
        .map(c -> {
          List<?> fields = (List<?>) c;
          return String.valueOf(fields.get(fields.indexOf("name") + 1));
        }).toList();
  }

  @Test
  @Order(6)
  void aDrainingWorkerHandsItsJobBack() throws Exception {
    String survivor = workers.keySet().iterator().next();
    String id = submit(JobApiTest.tinySpec("olive", 3000), "handed-back.mp4", 0);
    api.http.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60));
    Process worker = workers.remove(survivor);
    worker.destroy(); // SIGTERM: drain for 0.5 s, then hand the job back
    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();

    JsonNode job = Http.json(api.http.get("/jobs/" + id));
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("queued");
    assertThat(job.get("attempts").asInt()).isZero(); // a hand-back costs no attempt
    assertThat(redis.commands().xpending(redis.keys().queue(0), FleetKeys.GROUP).getCount()).isZero();
    assertThat(redis.commands().xlen(redis.keys().queue(0))).isEqualTo(1); // waiting for the next worker
    assertThat(Http.json(api.http.get("/workers")).get("count").asInt()).isZero();
    // A clean stop also leaves the consumer group (a crashed worker is removed by the others, see above).
    assertThat(consumers(0)).doesNotContain(survivor);
  }

  /**
   * SIGTERM while a render runs that ends within the drain timeout: the worker claims nothing more,
   * lets the render finish, records the result and sends the webhook, then leaves. Its own worker
   * (w4, a 60 s drain), started once the others are gone (tests 5 and 6).
   */
  @Test
  @Order(7)
  void aDrainingWorkerFinishesARenderThatEndsInTime() throws Exception {
    String handedBack = Http.json(api.http.get("/jobs?status=queued")).at("/jobs/0/jobId").asString(); // test 6's, 3000 s long
    assertThat(api.http.delete("/jobs/" + handedBack).statusCode()).isEqualTo(200);
    startWorker("w4", data, namespace, List.of("--smelter.redis.drain-timeout=PT60S")).get(120, TimeUnit.SECONDS);
    String id = submit(JobApiTest.tinySpec("navy", 600), "drained.mp4", 0); // a few seconds of rendering
    api.http.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60));
    Process worker = workers.remove("w4");
    worker.destroy(); // SIGTERM: drain for up to 60 s

    // Draining with the render still running, as the registry shows; a job submitted now waits.
    JsonNode draining = awaitWorker(api, "w4", w -> w.get("draining").asBoolean(), Duration.ofSeconds(20));
    assertThat(draining.get("draining").asBoolean()).as(String.valueOf(draining)).isTrue();
    assertThat(jobIds(draining)).as("still rendering when the drain began").containsExactly(id);
    String later = submit(JobApiTest.tinySpec("navy", 0.2), "after-drain.mp4", 0);
    assertThat(worker.waitFor(90, TimeUnit.SECONDS)).isTrue();

    JsonNode done = Http.json(api.http.get("/jobs/" + id));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed"); // recorded before the worker exited
    assertThat(done.get("attempts").asInt()).isEqualTo(1);
    assertThat(done.at("/result/frames").asInt()).isEqualTo(6000);
    assertThat(owner(id)).isEqualTo("w4");
    assertThat(videoSeconds(data.resolve("outputs/drained.mp4"))).isCloseTo(600.0, org.assertj.core.data.Offset.offset(0.01));
    // Sent by w4 before it exited (its webhook dispatcher lets running deliveries finish), not a minute
    // later by an API node's sweep for pending deliveries.
    assertThat(awaitWebhooks(id, Duration.ofSeconds(20))).isEqualTo(1);
    assertThat(done.at("/webhook/state").asString()).as(done.toString()).isEqualTo("delivered");
    JsonNode waiting = Http.json(api.http.get("/jobs/" + later));
    assertThat(waiting.get("status").asString()).as("not claimed by the draining worker").isEqualTo("queued");
    assertThat(waiting.get("attempts").asInt()).isZero();
    assertThat(redis.commands().xpending(redis.keys().queue(0), FleetKeys.GROUP).getCount()).isZero();
    assertThat(Http.json(api.http.get("/workers")).get("count").asInt()).isZero();
    assertThat(consumers(0)).doesNotContain("w4");
    assertThat(api.http.delete("/jobs/" + later).statusCode()).isEqualTo(200); // test 9 needs an empty queue
  }

  /** Queue level, its own namespace, no workers reading it. */
  @Test
  @Order(8)
  void higherPrioritiesAreClaimedFirst() throws Exception {
    try (FleetRedis own = new FleetRedis(REDIS, namespace + "prio:", "claimer");
        RedisJobQueue queue = new RedisJobQueue(own, JsonMapper.builder().build(), new JobEvents(), Clock.systemUTC(),
            new RedisJobQueue.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofHours(1)))) {
      List<String> order = new ArrayList<>();
      for (int p : new int[] {-5, 0, 10, 0, 10}) {
        order.add(queue.submit(request(p, Optional.empty())).job().id());
      }
      List<String> claimed = new ArrayList<>();
      for (int i = 0; i < 5; i++) claimed.add(queue.claim(Duration.ofSeconds(2)).orElseThrow().id());
      assertThat(claimed).containsExactly(order.get(2), order.get(4), order.get(1), order.get(3), order.get(0));
      assertThat(queue.claim(Duration.ofMillis(100))).isEmpty();

      JobQueue.Submission again = queue.submit(request(0, Optional.of("same-key")));
      JobQueue.Submission same = queue.submit(request(0, Optional.of("same-key")));
      assertThat(again.created()).isTrue();
      assertThat(same.created()).isFalse();
      assertThat(same.job().id()).isEqualTo(again.job().id());
    }
  }

  /**
   * Jobs that fail every attempt (their render process cannot even start) end in the dead-letter
   * stream after max-attempts, with one error per attempt, and {@code GET /queue/dead} on the API
   * node lists them newest first. The fleet's workers are gone by now (tests 5 to 7): a worker in
   * this JVM whose renders always fail takes their place.
   */
  @Test
  @Order(9)
  void jobsThatAlwaysFailEndInTheDeadLetterStreamShownByTheApi() throws Exception {
    for (JsonNode waiting : Http.json(api.http.get("/jobs?status=queued")).get("jobs")) { // none left by the earlier tests
      assertThat(api.http.delete("/jobs/" + waiting.get("jobId").asString()).statusCode()).isEqualTo(200);
    }
    ConfigurableApplicationContext worker = ServerApplication.startWorker("--redis", REDIS, "--data-dir", data.toString(),
        "--slots", "1", "--smelter.redis.namespace=" + namespace, "--smelter.redis.worker-id=failing",
        "--smelter.redis.probe-capabilities=false", "--smelter.worker.retry-backoff=PT0.05S", "--smelter.worker.max-attempts=3",
        "--smelter.worker.java-options=-XX:+NoSuchOptionMakesTheRenderProcessFail");
    contexts.add(worker);
    List<String> ids = List.of(submit(JobApiTest.tinySpec("red", 0.2), "dead-1.mp4", 0), submit(JobApiTest.tinySpec("red", 0.2), "dead-2.mp4", 0));
    for (String id : ids) {
      JsonNode job = api.http.awaitTerminal(id, Duration.ofSeconds(60));
      assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
      assertThat(job.get("attempts").asInt()).isEqualTo(3);
    }
    List<DeadLetter> dead = worker.getBean(RedisJobQueue.class).deadLetters(); // oldest first
    assertThat(dead).extracting(DeadLetter::jobId).containsExactlyInAnyOrderElementsOf(ids);
    for (DeadLetter d : dead) {
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.errors()).hasSize(3).allMatch(e -> e.contains("exited with code"));
      assertThat(d.errors().getFirst()).startsWith("attempt 1: ");
      assertThat(d.errors().getLast()).startsWith("attempt 3: ");
    }

    JsonNode page = Http.json(api.http.get("/queue/dead"));
    assertThat(page.get("mode").asString()).isEqualTo("fleet");
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.get("deadLetters").valueStream().map(d -> d.get("jobId").asString()).toList())
        .containsExactly(dead.get(1).jobId(), dead.get(0).jobId()); // newest first
    JsonNode newest = page.get("deadLetters").get(0);
    assertThat(newest.get("attempts").asInt()).isEqualTo(3);
    assertThat(newest.get("errors").size()).isEqualTo(3);
    assertThat(newest.get("error").asString()).contains("exited with code");
    java.time.Instant failedAt = java.time.Instant.parse(newest.get("failedAt").asString());
    assertThat(failedAt).isBetween(java.time.Instant.now().minusSeconds(120), java.time.Instant.now().plusSeconds(1));
    JsonNode second = Http.json(api.http.get("/queue/dead?offset=1&limit=1"));
    assertThat(second.get("count").asInt()).isEqualTo(1);
    assertThat(second.at("/deadLetters/0/jobId").asString()).isEqualTo(dead.get(0).jobId());
    assertThat(Http.json(api.http.get("/queue/dead?offset=2")).get("deadLetters").size()).isZero();
  }

  /**
   * A remote worker: w3 shares nothing with its API node but Redis and the bucket. Inputs uploaded to
   * the API node travel through the bucket, the output comes back through it, and the API node
   * serves it, with the right download URL in the result and the webhook.
   */
  @Test
  @Order(10)
  void aRemoteWorkerRendersThroughTheObjectStore() throws Exception {
    Path tmp = Files.createTempDirectory("smelter-fleet-s3-media");
    byte[] pngBytes = Files.readAllBytes(TestMedia.png(tmp.resolve("p.png"), 48, 72, 0xFF3366CC));
    String png = Http.json(s3Api.http.upload("/upload", "files", "page.png", pngBytes)).at("/files/0/filename").asString();
    String wav = Http.json(s3Api.http.upload("/upload", "files", "voice.wav", TestMedia.wav(1.0))).at("/files/0/filename").asString();
    String spec = """
        {"width":64,"height":112,"fps":10,"keepSourceAudio":true,"defaults":{"transition":null},
         "clips":[{"duration":1,"layers":[{"type":"image","path":"/app/uploads/%s","resizeMode":"cover"},{"type":"audio","path":"/app/uploads/%s"}]}]}"""
        .formatted(png, wav);
    var r = s3Api.http.post("/jobs", """
        {"editSpec":%s,"outputFilename":"remote.mp4","callback":{"url":"http://127.0.0.1:%d/hook"}}"""
        .formatted(spec, receiver.getAddress().getPort()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = Http.json(r).get("jobId").asString();

    JsonNode done = s3Api.http.awaitTerminal(id, Duration.ofSeconds(60));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(redis.commands().hget(s3Namespace + "job:" + id, "owner")).isEqualTo("w3");
    assertThat(done.at("/result/frames").asInt()).isEqualTo(10);
    String url = TestServer.EXTERNAL + "/download/remote.mp4";
    assertThat(done.at("/result/downloadUrl").asString()).isEqualTo(url);
    assertThat(awaitWebhooks(id, Duration.ofSeconds(20))).isEqualTo(1);
    assertThat(lastWebhook.get(id).get("downloadUrl").asString()).as(lastWebhook.get(id).toString()).isEqualTo(url);

    // The API node serves what only the bucket holds: a valid 1 s, 10 fps MP4 with the audio.
    assertThat(bucket.exists("outputs/remote.mp4")).isTrue();
    var mp4 = s3Api.http.getBytes("/download/remote.mp4");
    assertThat(mp4.statusCode()).isEqualTo(200);
    Path downloaded = Files.write(tmp.resolve("remote.mp4"), mp4.body());
    var video = new FfmpegProbe().probe(downloaded).video().orElseThrow();
    assertThat(video.duration()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(video.frameRate().value() * video.duration()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(FfmpegProbe.hasAudio(downloaded)).isTrue();
    JsonNode meta = Http.json(s3Api.http.get("/metadata/remote.mp4"));
    assertThat(meta.get("fileLocation").asString()).as(meta.toString()).isEqualTo("outputs");
    assertThat(meta.at("/video/height").asInt()).isEqualTo(112);

    // The worker kept nothing but its cache: no job folder, no local output.
    assertThat(s3WorkerData.resolve("work").resolve(id)).doesNotExist();
    assertThat(s3WorkerData.resolve("outputs/remote.mp4")).doesNotExist();
    long cachedBytes;
    try (var cached = Files.list(s3WorkerData.resolve("cache"))) {
      List<Path> files = cached.toList();
      assertThat(files).hasSizeGreaterThanOrEqualTo(2); // the image and the audio, kept for the next job
      cachedBytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
    }
    // GET /workers shows the worker's storage and its cache use (as of its next heartbeat).
    JsonNode w3 = awaitWorker(s3Api, "w3", w -> w.at("/storage/cache/bytes").asLong() == cachedBytes, Duration.ofSeconds(10));
    assertThat(w3.get("id").asString()).isEqualTo("w3");
    assertThat(w3.at("/storage/mode").asString()).isEqualTo("object-store");
    assertThat(w3.at("/storage/location").asString()).startsWith(storageUrl.substring(0, storageUrl.indexOf('?')));
    assertThat(w3.at("/storage/cache/bytes").asLong()).isEqualTo(cachedBytes);
    assertThat(w3.at("/storage/cache/limit").asLong()).isEqualTo(10L * 1024 * 1024 * 1024);
  }

  private static JobRequest request(int priority, Optional<String> key) {
    JsonNode spec = JsonMapper.builder().build().readTree(JobApiTest.tinySpec("red", 0.2));
    return new JobRequest(spec, "q-" + UUID.randomUUID() + ".mp4", Optional.empty(), Optional.empty(), Optional.empty(), priority, key);
  }
}
