package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A server with API keys, tight limits and a worker JVM that cannot start (a crash on every
 * attempt): keys are enforced, limits give 400s, a crashing worker fails only its job after the
 * configured attempts.
 */
class SecurityAndLimitsTest {
  static TestServer server;
  static Http anonymous;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(List.of("--smelter.security.api-keys=key-one,key-two", "--smelter.worker.java-options=-XX:+NoSuchJvmOption",
        "--smelter.worker.max-attempts=2", "--smelter.limits.clips=3", "--smelter.limits.width=1000", "--smelter.limits.body=10KB",
        "--smelter.security.allow-private-remote=true", "--smelter.limits.remote-file=20KB", "--smelter.limits.height=1000",
        "--smelter.limits.frames=100", "--smelter.limits.duration-seconds=5", "--smelter.limits.upload=20KB"));
    anonymous = server.http;
    http = server.http.withKey("key-two");
  }

  @AfterAll
  static void stop() {
    server.context.close();
  }

  @Test
  void apiKeysAreRequiredExceptForHealth() throws Exception {
    assertThat(anonymous.get("/jobs").statusCode()).isEqualTo(401);
    assertThat(anonymous.post("/edit", "{}").statusCode()).isEqualTo(401);
    assertThat(server.http.withKey("wrong").get("/jobs").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/health/live").statusCode()).isEqualTo(200); // probes carry no key
    assertThat(anonymous.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/health/other").statusCode()).isEqualTo(401);
    assertThat(http.get("/jobs").statusCode()).isEqualTo(200);
  }

  @Test
  void aNonLoopbackAddressWithoutKeysRefusesToStart() {
    assertThatThrownBy(() -> ServerApplication.start("--port", "0", "--host", "0.0.0.0", "--data-dir",
        Files.createTempDirectory("smelter-open").toString(), "--slots", "1"))
        .hasStackTraceContaining("needs API keys");
  }

  @Test
  void aMalformedWebhookAllowListRefusesToStart() {
    assertThatThrownBy(() -> ServerApplication.start("--port", "0", "--host", "127.0.0.1", "--data-dir",
        Files.createTempDirectory("smelter-allow").toString(), "--slots", "1", "--smelter.webhook.allowed-hosts=n8n,10.0.0.0/33"))
        .hasStackTraceContaining("smelter.webhook.allowed-hosts: bad prefix length in '10.0.0.0/33'");
  }

  @Test
  void limitsAreEnforcedBeforeQueueing() throws Exception {
    int before = Http.json(http.get("/queue/stats")).get("total").asInt();
    String fourClips = """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[%s]}}""".formatted(String.join(",",
        java.util.Collections.nCopies(4, "{\"duration\":1,\"layers\":[{\"type\":\"fill-color\"}]}")));
    HttpResponse<String> clips = http.post("/jobs", fourClips);
    assertThat(clips.statusCode()).isEqualTo(400);
    assertThat(Http.json(clips).get("problems").get(0).get("path").asString()).isEqualTo("editSpec.clips");

    HttpResponse<String> wide = http.post("/jobs", JobApiTest.tinySpec("red", 1).replace("\"width\":64", "\"width\":2000"));
    assertThat(wide.statusCode()).isEqualTo(400);
    assertThat(Http.json(wide).get("problems").get(0).get("path").asString()).isEqualTo("width");

    HttpResponse<String> big = http.post("/jobs", "{\"pad\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    // Chunked bodies announce no length: the limit holds all the same, and small ones still pass.
    assertThat(http.postChunked("/jobs", "{\"pad\":\"" + "x".repeat(20_000) + "\"}").statusCode()).isEqualTo(413);
    HttpResponse<String> small = http.postChunked("/jobs", JobApiTest.tinySpec("red", 1).replace("\"width\":64", "\"width\":2000"));
    assertThat(small.statusCode()).as(small.body()).isEqualTo(400);
    assertThat(Http.json(small).get("problems").get(0).get("path").asString()).isEqualTo("width");
    assertThat(Http.json(http.get("/queue/stats")).get("total").asInt()).isEqualTo(before);
  }

  @Test
  void heightFramesAndDurationLimitsGive400WithTheirPath() throws Exception {
    int before = Http.json(http.get("/queue/stats")).get("total").asInt();
    // 64×2000: taller than 1000
    assertProblem(http.post("/jobs", JobApiTest.tinySpec("red", 1).replace("\"height\":112", "\"height\":2000")),
        "height", "taller than the limit of 1000");
    // 4 s at 30 fps: 120 frames over 100, though 4 s is within the 5 s limit
    assertProblem(http.post("/jobs", JobApiTest.tinySpec("red", 4).replace("\"fps\":10", "\"fps\":30")),
        "clips", "120 frames exceed the limit of 100");
    // 6 s at 10 fps: 60 frames are fine, 6 s are over 5; one clip that long is named itself
    assertProblem(http.post("/jobs", JobApiTest.tinySpec("red", 6)), "clips[0].duration", "6 s is over the limit of 5 s");
    String twoClips = """
        {"width":64,"height":112,"fps":10,"defaults":{"transition":null},"clips":[{"duration":3,"layers":[{"type":"pause"}]},
          {"duration":3,"layers":[{"type":"pause"}]}]}""";
    assertProblem(http.post("/jobs", twoClips), "clips", "the video would last 6 s, over the limit of 5 s");
    // the legacy endpoint applies the same limits, under editSpec
    assertProblem(http.post("/edit", "{\"editSpec\":" + twoClips + "}"), "editSpec.clips", "over the limit of 5 s");
    assertThat(Http.json(http.get("/queue/stats")).get("total").asInt()).isEqualTo(before);
  }

  private static void assertProblem(HttpResponse<String> r, String path, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode problems = Http.json(r).get("problems");
    assertThat(problems.size()).as(problems.toString()).isEqualTo(1);
    assertThat(problems.get(0).get("path").asString()).isEqualTo(path);
    assertThat(problems.get(0).get("message").asString()).contains(message);
  }

  /** Uploads over smelter.limits.upload: 413 (the legacy server answered 500, see docs/service.md); nothing is kept. */
  @Test
  void anUploadOverTheLimitIs413AndLeavesNothing() throws Exception {
    HttpResponse<String> r = http.upload("/upload", "files", "big.png", new byte[30 * 1024]);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(Http.json(r).get("error").asString()).isEqualTo("File too large");
    assertThat(Http.json(r).get("details").asString()).isNotBlank();
    try (var uploads = Files.list(server.dataDir.resolve("uploads")); var spool = Files.list(server.dataDir.resolve("tmp"))) {
      assertThat(uploads.toList()).isEmpty();
      assertThat(spool.toList()).isEmpty();
    }
    HttpResponse<String> small = http.upload("/upload", "files", "small.png", new byte[1024]);
    assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
  }

  /** /jobs and /edit take JSON: another content type is a 415 with the legacy error shape. */
  @Test
  void aNonJsonBodyIs415() throws Exception {
    for (String path : List.of("/jobs", "/edit")) {
      HttpResponse<String> r = http.post(path, "text/plain", "{\"editSpec\":" + JobApiTest.tinySpec("red", 1) + "}");
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(415);
      assertThat(Http.json(r).get("error").asString()).isEqualTo("Unsupported content type");
    }
  }

  /** Remote media is downloaded before planning (redirects followed), within the size limit. */
  @Test
  void remoteMediaIsFetchedBeforePlanning() throws Exception {
    byte[] png = Files.readAllBytes(TestMedia.png(Files.createTempFile("remote", ".png"), 16, 16, 0xFF112233));
    com.sun.net.httpserver.HttpServer origin = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext("/page.png", ex -> {
      ex.sendResponseHeaders(200, png.length);
      ex.getResponseBody().write(png);
      ex.close();
    });
    origin.createContext("/moved", ex -> {
      ex.getResponseHeaders().add("Location", "/page.png");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    origin.createContext("/huge.png", ex -> {
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write(new byte[64 * 1024]);
      ex.close();
    });
    origin.start();
    try {
      String base = "http://127.0.0.1:" + origin.getAddress().getPort();
      String spec = """
          {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"image","path":"%s"}]}]}}""";
      HttpResponse<String> ok = http.post("/jobs", spec.formatted(base + "/moved"));
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
      HttpResponse<String> huge = http.post("/jobs", spec.formatted(base + "/huge.png"));
      assertThat(huge.statusCode()).isEqualTo(400);
      assertThat(Http.json(huge).get("problems").get(0).get("message").asString()).contains("limit");
      // A spec refused after its first image was fetched keeps nothing of it.
      String twoImages = """
          {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"image","path":"%s"}]},
            {"duration":1,"layers":[{"type":"image","path":"%s"}]}]}}""";
      HttpResponse<String> missing = http.post("/jobs", twoImages.formatted(base + "/page.png", base + "/nothing.png"));
      assertThat(Http.json(missing).get("problems").get(0).get("message").asString()).contains("HTTP 404");

      // The accepted job fails (this server's renders cannot start); its end removes what intake fetched.
      JsonNode failed = http.awaitTerminal(Http.json(ok).get("jobId").asString(), Duration.ofSeconds(60));
      assertThat(failed.get("status").asString()).isEqualTo("failed");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!incoming().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20); // polling the folder the dispatcher cleans after recording the end, bounded
      }
      assertThat(incoming()).isEmpty();
    } finally {
      origin.stop(0);
    }
  }

  private static List<java.nio.file.Path> incoming() throws java.io.IOException {
    try (var dirs = Files.list(server.dataDir.resolve("work"))) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("incoming-")).toList();
    }
  }

  @Test
  void aCrashingWorkerIsRetriedThenFailsOnlyItsJob() throws Exception {
    HttpResponse<String> r = http.post("/jobs", JobApiTest.tinySpec("red", 0.2));
    String id = Http.json(r).get("jobId").asString();

    JsonNode done = http.awaitTerminal(id, Duration.ofSeconds(60));

    assertThat(done.get("status").asString()).isEqualTo("failed");
    assertThat(done.get("attempts").asInt()).isEqualTo(2);
    assertThat(done.get("error").asString()).contains("worker process exited with code");
    assertThat(done.get("error").asString()).doesNotContain("Exception", "\tat ");
  }
}
