package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.smelter.video.server.fleet.FleetKeys;
import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.fleet.LoopbackRedis;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault suite: the fleet's Redis stops in the middle of two renders and comes back (docs/fleet.md,
 * "Redis outages"). Its own {@code redis-server} on a free loopback port, with an append-only file,
 * so stopping it disturbs nobody; an API node in this JVM and two worker JVMs. The outage lasts
 * {@code -Dsmelter.test.outage-seconds} (8 s by default, longer than {@code reclaim-after}; the 60 s
 * run, with {@code -Dsmelter.test.long-render-seconds=3000 -Dsmelter.test.long-render-width=480}, is recorded in
 * docs/fleet.md). One job's render ends during the outage (its result is recorded
 * when Redis is back), the other's goes on past it (its claim must be renewed, not taken over by the
 * idle worker). Both renders are held with SIGSTOP where their timing matters, so the order of
 * events is the same on a machine of any speed:
 * both complete as attempt 1 on their first worker, with one webhook each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("smelter.test.outage-seconds", 8));
  /** Video length of the job that must outlast the outage (10 frames a second); raise it with the outage. */
  private static final int LONG_RENDER = Integer.getInteger("smelter.test.long-render-seconds", 1200);
  /** Its frame width (height 1.75 times it): a larger frame renders slower, for a long outage. */
  private static final int LONG_RENDER_WIDTH = Integer.getInteger("smelter.test.long-render-width", 64);
  private static final int SHORT_RENDER = 400;

  private final Map<String, Process> workers = new ConcurrentHashMap<>();
  private final Map<String, Path> logs = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> webhooks = new ConcurrentHashMap<>();
  private LoopbackRedis server;
  private HttpServer receiver;
  private TestServer api;
  private FleetRedis redis;
  private Path data;

  @BeforeAll
  void startFleet() throws Exception {
    assumeTrue(LoopbackRedis.onPath("redis-server"), "redis-server is not installed");
    server = LoopbackRedis.persistent(Files.createTempDirectory("smelter-outage-redis"));
    data = Files.createTempDirectory("smelter-outage-test");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      JsonNode body = JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes());
      webhooks.computeIfAbsent(body.get("jobId").asString(), k -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    List<CompletableFuture<Void>> ready = List.of(startWorker("w1"), startWorker("w2"));
    api = TestServer.start(data, List.of("--slots", "0", "--redis", server.url(), "--smelter.redis.heartbeat=PT0.5S",
        "--smelter.redis.reclaim-after=PT3S"));
    for (CompletableFuture<Void> r : ready) r.get(120, TimeUnit.SECONDS);
    redis = new FleetRedis(server.url(), "smelter:", "outage-test");
  }

  /** A worker JVM on the test's Redis; claims renewed every 0.5 s and taken over after 3 s without renewal. */
  private CompletableFuture<Void> startWorker(String id) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xss4m", "-cp", System.getProperty("java.class.path"), WorkerApplication.class.getName(),
        "--redis", server.url(), "--data-dir", data.toString(), "--slots", "1", "--gpu", "off",
        "--smelter.redis.worker-id=" + id, "--smelter.redis.heartbeat=PT0.5S", "--smelter.redis.reclaim-after=PT3S",
        "--smelter.redis.drain-timeout=PT0.5S", "--smelter.redis.probe-capabilities=false",
        "--smelter.webhook.initial-backoff=PT0.05S", "--smelter.webhook.allowed-hosts=127.0.0.1",
        "--smelter.worker.java-options=-XX:TieredStopAtLevel=1"));
    Path log = Files.createTempFile("smelter-outage-" + id, ".log");
    logs.put(id, log);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    workers.put(id, p);
    return CompletableFuture.runAsync(() -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!log(id).contains("smelter-video worker " + id + " ready")) {
        if (!p.isAlive() || System.nanoTime() > deadline) throw new AssertionError("worker " + id + " did not start:\n" + log(id));
        try {
          Thread.sleep(50); // polling the worker's log file, bounded by the deadline
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    });
  }

  private String log(String worker) {
    try {
      return Files.readString(logs.get(worker));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  void stopFleet() throws Exception {
    workers.values().forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
    if (api != null) api.context.close();
    if (redis != null) redis.close();
    if (receiver != null) receiver.stop(0);
    if (server != null) server.close();
    for (Path log : logs.values()) Files.deleteIfExists(log);
  }

  private String submit(double seconds, String output) throws Exception {
    return submit(JobApiTest.tinySpec("navy", seconds), output);
  }

  private String submit(String spec, String output) throws Exception {
    var r = api.http.post("/jobs", """
        {"editSpec":%s,"outputFilename":"%s","callback":{"url":"http://127.0.0.1:%d/hook"}}"""
        .formatted(spec, output, receiver.getAddress().getPort()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return Http.json(r).get("jobId").asString();
  }

  private String owner(String jobId) {
    return redis.commands().hget(redis.keys().job(jobId), "owner");
  }

  @Test
  void rendersInFlightSurviveARedisOutageAndCompleteAsTheirFirstAttempt() throws Exception {
    // Short: ends during the outage. Long: still rendering when Redis is back.
    String longJob = submit("""
        {"width":%d,"height":%d,"fps":10,"clips":[{"duration":%d,"layers":[{"type":"fill-color","color":"maroon"}]}]}"""
        .formatted(LONG_RENDER_WIDTH, LONG_RENDER_WIDTH * 7 / 4 / 2 * 2, LONG_RENDER), "outage-long.mp4");
    api.http.awaitJob(longJob, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(90));
    // Both renders are frozen (SIGSTOP) as soon as they run, so on a machine of any speed neither ends
    // before Redis stops: the short one is let go during the outage and ends in it; the long one only
    // once Redis is back, so it is certainly still running then. Their worker JVMs, which hold and
    // renew the claims, run on.
    String longOwner = owner(longJob);
    List<ProcessHandle> longRender = workers.get(longOwner).descendants().toList();
    assertThat(longRender).isNotEmpty();
    signal("STOP", longRender);
    String shortJob = submit(SHORT_RENDER, "outage-short.mp4");
    api.http.awaitJob(shortJob, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(90));
    String shortOwner = owner(shortJob);
    assertThat(List.of(shortOwner, longOwner)).containsExactlyInAnyOrder("w1", "w2");
    List<ProcessHandle> shortRender = workers.get(shortOwner).descendants().toList();
    assertThat(shortRender).isNotEmpty();
    signal("STOP", shortRender);

    server.stop();
    long stoppedAt = System.nanoTime();
    // While Redis is away: liveness and the legacy /health stay 200, readiness says why it is 503,
    // and the job API answers 503 instead of 500.
    assertThat(api.http.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(api.http.get("/health").statusCode()).isEqualTo(200);
    var ready = api.http.get("/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
    JsonNode checks = Http.json(ready).get("checks");
    assertThat(checks.get("redis").get("status").asString()).isEqualTo("unavailable");
    assertThat(checks.get("storage").get("status").asString()).isEqualTo("ok");
    var refused = api.http.get("/jobs/" + shortJob);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    // The short render ends while Redis is away (bounded), and the outage lasts its full length.
    signal("CONT", shortRender);
    for (ProcessHandle render : shortRender) render.onExit().get(120, TimeUnit.SECONDS);
    long left = OUTAGE.toNanos() - (System.nanoTime() - stoppedAt);
    if (left > 0) Thread.sleep(Duration.ofNanos(left)); // the fault's duration, not a synchronisation
    assertThat(workers.get(longOwner).descendants().toList()).as("the long render is still running: " + log(longOwner)).isNotEmpty();
    server.restart();
    awaitReady(Duration.ofSeconds(30)); // the API node reconnects (0.1 s to 2 s between tries)
    signal("CONT", longRender);

    JsonNode shortDone = api.http.awaitTerminal(shortJob, Duration.ofSeconds(60));
    assertThat(shortDone.get("status").asString()).as(shortDone.toString()).isEqualTo("completed");
    assertThat(shortDone.get("attempts").asInt()).isEqualTo(1);
    assertThat(shortDone.get("result").get("frames").asInt()).isEqualTo(SHORT_RENDER * 10);
    JsonNode longDone = api.http.awaitTerminal(longJob, Duration.ofSeconds(600));
    assertThat(longDone.get("status").asString()).as(longDone.toString()).isEqualTo("completed");
    assertThat(longDone.get("attempts").asInt()).as("not taken over by the idle worker").isEqualTo(1);
    assertThat(longDone.get("result").get("frames").asInt()).isEqualTo(LONG_RENDER * 10);
    assertThat(log(shortOwner)).as("the worker reports the outage and the late result")
        .contains("lost contact with the fleet's Redis", "the fleet's Redis is reachable again after",
            "the queue is reachable again: recorded the outcome of job " + shortJob + " (attempt 1)");
    assertThat(owner(shortJob)).isEqualTo(shortOwner);
    assertThat(owner(longJob)).isEqualTo(longOwner);
    assertThat(redis.commands().exists(redis.keys().errors(shortJob), redis.keys().errors(longJob))).as("no failed attempt").isZero();
    assertThat(redis.commands().xpending(redis.keys().queue(0), FleetKeys.GROUP).getCount()).isZero();
    assertThat(Files.isRegularFile(data.resolve("outputs/outage-short.mp4"))).isTrue();
    assertThat(Files.isRegularFile(data.resolve("outputs/outage-long.mp4"))).isTrue();

    // One webhook each, also after a later job's own webhook (a duplicate would have arrived by then).
    String marker = submit(0.2, "marker-" + UUID.randomUUID() + ".mp4");
    assertThat(api.http.awaitTerminal(marker, Duration.ofSeconds(60)).get("status").asString()).isEqualTo("completed");
    awaitWebhook(marker, Duration.ofSeconds(20));
    awaitWebhook(shortJob, Duration.ofSeconds(20));
    awaitWebhook(longJob, Duration.ofSeconds(20));
    assertThat(webhooks.get(shortJob).get()).isEqualTo(1);
    assertThat(webhooks.get(longJob).get()).isEqualTo(1);
    try (var jobDirs = Files.list(data.resolve("work"))) {
      assertThat(jobDirs.toList()).as("no job folder left behind").isEmpty();
    }
  }

  private static void signal(String name, List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", name, p.pid()).isTrue();
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && api.http.get("/health/ready").statusCode() != 200) {
      Thread.sleep(50); // polling readiness while the connection comes back, bounded by the deadline
    }
    var ready = api.http.get("/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  private void awaitWebhook(String jobId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && webhooks.getOrDefault(jobId, new AtomicInteger()).get() == 0) {
      Thread.sleep(20); // polling a counter the receiver thread increments, bounded by the deadline
    }
    assertThat(webhooks.getOrDefault(jobId, new AtomicInteger()).get()).as("webhooks of " + jobId).isPositive();
  }
}
