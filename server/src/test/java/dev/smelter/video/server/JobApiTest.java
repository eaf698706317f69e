package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The job API on a real port: submit, validate, run 20 at once on 2 slots, cancel, refuse unsafe inputs. */
class JobApiTest {
  static TestServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.shared();
    http = server.http;
  }

  static String tinySpec(String color, double seconds) {
    return """
        {"width":64,"height":112,"fps":10,"clips":[{"duration":%s,"layers":[{"type":"fill-color","color":"%s"}]}]}"""
        .formatted(seconds, color);
  }

  @Test
  void twentyConcurrentJobsOnTwoSlotsAllComplete() throws Exception {
    List<String> ids = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> posts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String body = """
            {"editSpec":%s,"outputFilename":"batch-%d.mp4","metadata":{"row":%d}}""".formatted(tinySpec("#" + (100000 + i * 1111), 0.5), i, i);
        posts.add(pool.submit(() -> http.post("/jobs", body)));
      }
      for (Future<HttpResponse<String>> f : posts) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode j = Http.json(r);
        assertThat(j.get("status").asString()).isEqualTo("queued");
        assertThat(j.get("statusUrl").asString()).isEqualTo("/jobs/" + j.get("jobId").asString());
        ids.add(j.get("jobId").asString());
      }
    }
    assertThat(Http.json(http.get("/queue/stats")).get("slots").asInt()).isEqualTo(2);
    Set<Integer> rows = new HashSet<>();
    List<java.time.Instant[]> ran = new ArrayList<>();
    for (String id : ids) {
      JsonNode done = http.awaitTerminal(id, Duration.ofSeconds(240));
      ran.add(new java.time.Instant[] {java.time.Instant.parse(done.get("startedAt").asString()),
          java.time.Instant.parse(done.get("finishedAt").asString())});
      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
      assertThat(done.get("progress").asDouble()).isEqualTo(100);
      assertThat(done.get("result").get("frames").asInt()).isEqualTo(5);
      assertThat(done.get("result").get("duration").asDouble()).isEqualTo(0.5);
      assertThat(done.get("result").get("downloadUrl").asString()).startsWith(TestServer.EXTERNAL + "/download/batch-");
      assertThat(done.get("attempts").asInt()).isEqualTo(1);
      rows.add(done.get("metadata").get("row").asInt());
    }
    assertThat(rows).hasSize(20);
    // Never more than 2 at once: at each job's start, count the jobs whose [startedAt, finishedAt) holds it.
    // (A slot records a job's end before it claims the next one, so back-to-back jobs do not overlap.)
    int most = 0;
    for (java.time.Instant[] job : ran) {
      assertThat(job[0]).isBefore(job[1]);
      most = Math.max(most, (int) ran.stream().filter(o -> !o[0].isAfter(job[0]) && job[0].isBefore(o[1])).count());
    }
    assertThat(most).as("renders at once").isEqualTo(2);
    for (int i = 0; i < 20; i++) assertThat(server.outputs().resolve("batch-" + i + ".mp4")).isNotEmptyFile();
    JsonNode listed = Http.json(http.get("/jobs?status=completed&limit=500"));
    assertThat(listed.get("jobs").valueStream().map(j -> j.get("jobId").asString()).toList()).containsAll(ids);
  }

  /** Dead letters are a fleet feature: the embedded queue answers an empty page that says where failed jobs are. */
  @Test
  void theEmbeddedQueueHasNoDeadLetterStream() throws Exception {
    var r = http.get("/queue/dead");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode dead = Http.json(r);
    assertThat(dead.get("mode").asString()).isEqualTo("embedded");
    assertThat(dead.get("deadLetters").size()).isZero();
    assertThat(dead.get("total").asInt()).isZero();
    assertThat(dead.get("message").asString()).contains("/jobs?status=failed");
  }

  @Test
  void invalidJobsAre400WithEveryProblemAndItsPathAndNothingIsQueued() throws Exception {
    long before = Http.json(http.get("/queue/stats")).get("total").asLong();
    HttpResponse<String> r = http.post("/jobs", """
        {"editSpec":{"width":64,"height":112,"clips":[{"duration":1,"layers":[{"type":"image","path":"nope.png"},{"type":"title"}]},
          {"layers":[{"type":"fill-color"}],"transition":{"name":"no-such-transition"}}]},"webhookUrl":"ftp://x"}""");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode problems = Http.json(r).get("problems");
    assertThat(problems.valueStream().map(p -> p.get("path").asString()).toList()).contains("webhookUrl");

    HttpResponse<String> r2 = http.post("/jobs", """
        {"editSpec":{"width":64,"height":112,"clips":[{"duration":1,"layers":[{"type":"image","path":"nope.png"},{"type":"title"}]}]}}""");
    assertThat(r2.statusCode()).isEqualTo(400);
    assertThat(Http.json(r2).get("problems").valueStream().map(p -> p.get("path").asString()).toList())
        .contains("editSpec.clips[0].layers[0].path", "editSpec.clips[0].layers[1].text");
    assertThat(Http.json(http.get("/queue/stats")).get("total").asLong()).isEqualTo(before);
  }

  /** A refused path does not hide the other problems: planning still runs (without reading the refused file). */
  @Test
  void aRefusedPathAnUnknownTransitionAndABadWebhookUrlAreReportedTogether() throws Exception {
    long before = Http.json(http.get("/queue/stats")).get("total").asLong();
    HttpResponse<String> r = http.post("/jobs", """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[
          {"duration":1,"layers":[{"type":"image","path":"/app/uploads/../../etc/passwd"}]},
          {"duration":1,"layers":[{"type":"fill-color"}],"transition":{"name":"no-such-transition","duration":0.2}},
          {"duration":1,"layers":[{"type":"fill-color"}]}]},
         "webhookUrl":"ftp://x"}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode problems = Http.json(r).get("problems");
    assertThat(problems.valueStream().map(p -> p.get("path").asString()).toList()).as(problems.toString())
        .containsExactlyInAnyOrder("webhookUrl", "editSpec.clips[0].layers[0].path", "editSpec.clips[1].transition.name");
    assertThat(problems.toString()).contains("no-such-transition", "http(s)").doesNotContain("file not found", ".refused-");
    assertThat(Http.json(http.get("/queue/stats")).get("total").asLong()).isEqualTo(before);
  }

  /** A job's own callback headers cannot replace the signature headers (or the body's type). */
  @Test
  void callbackHeadersCannotOverrideTheWebhookHeaders() throws Exception {
    for (String header : List.of("webhook-signature", "Webhook-Id", "webhook-timestamp", "Content-Type")) {
      HttpResponse<String> r = http.post("/jobs", """
          {"editSpec":%s,"callback":{"url":"http://127.0.0.1:9/hook","headers":{"X-Token":"ok","%s":"forged"}}}"""
          .formatted(tinySpec("red", 0.2), header));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode problems = Http.json(r).get("problems");
      assertThat(problems.size()).as(problems.toString()).isEqualTo(1);
      assertThat(problems.get(0).get("path").asString()).isEqualTo("callback.headers." + header);
      assertThat(problems.get(0).get("message").asString()).contains("set by the service");
    }
  }

  @Test
  void simpleClipsFormAndTopLevelSpecFields() throws Exception {
    TestMedia.png(server.uploads().resolve("simple-page.png"), 40, 40, 0xFF00AA00);
    HttpResponse<String> simple = http.post("/jobs", """
        {"width":64,"height":112,"fps":10,"outputFilename":"simple.mp4","clips":[{"imagePath":"simple-page.png","duration":0.6},
         {"path":"/app/uploads/simple-page.png","duration":0.4}]}""");
    assertThat(simple.statusCode()).as(simple.body()).isEqualTo(202);
    JsonNode done = http.awaitTerminal(Http.json(simple).get("jobId").asString(), Duration.ofSeconds(60));
    assertThat(done.get("result").get("frames").asInt()).isEqualTo(10);

    HttpResponse<String> top = http.post("/jobs", tinySpec("white", 0.3).replaceFirst("\\{", "{\"idempotencyKey\":\"k-1\","));
    HttpResponse<String> again = http.post("/jobs", tinySpec("white", 0.3).replaceFirst("\\{", "{\"idempotencyKey\":\"k-1\","));
    assertThat(top.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Http.json(again).get("jobId").asString()).isEqualTo(Http.json(top).get("jobId").asString());
  }

  @Test
  void cancellingARunningJobKillsItsWorker() throws Exception {
    // long enough to still be rendering when cancelled: 140,000 frames (a blank 64×112 frame costs ~0.1 ms)
    HttpResponse<String> r = http.post("/jobs", "{\"editSpec\":" + tinySpec("navy", 14000) + ",\"priority\":100}");
    String id = Http.json(r).get("jobId").asString();
    http.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60));
    List<ProcessHandle> workers = ProcessHandle.current().children().filter(p -> commandLine(p).contains(id)).toList();
    assertThat(workers).hasSize(1);

    HttpResponse<String> cancelled = http.delete("/jobs/" + id);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(Http.json(cancelled).get("status").asString()).isEqualTo("cancelled");
    assertThat(workers.getFirst().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(http.delete("/jobs/" + id).statusCode()).isEqualTo(409);
    assertThat(http.delete("/jobs/no-such-job").statusCode()).isEqualTo(404);
  }

  /** The full command line from /proc (ProcessHandle.Info may leave out very long ones). */
  static String commandLine(ProcessHandle p) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException gone) {
      return "";
    }
  }

  @Test
  void pathTraversalSymlinkEscapeAndSsrfAreRefusedWith400() throws Exception {
    Path outside = Files.createTempFile("outside", ".png");
    TestMedia.png(outside, 8, 8, 0xFFFFFFFF);
    Path link = server.uploads().resolve("escape.png");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, outside);
    for (String path : List.of("/app/uploads/../../etc/passwd", "../secret.png", "/etc/hostname", "escape.png", "file:///etc/passwd",
        "http://127.0.0.1:9/x.png", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x.png", "http://10.0.0.1/x.png",
        "http://localhost/x.png")) {
      String body = """
          {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"image","path":"%s"}]}]}}"""
          .formatted(path);
      HttpResponse<String> r = http.post("/jobs", body);
      assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(400);
      assertThat(Http.json(r).get("problems").get(0).get("path").asString()).isEqualTo("editSpec.clips[0].layers[0].path");
      assertThat(http.post("/edit", body).statusCode()).as(path).isEqualTo(400);
    }
    HttpResponse<String> r = http.post("/jobs", """
        {"editSpec":{"clips":[{"duration":1,"layers":[{"type":"image","path":"http://169.254.169.254/x.png"}]}]}}""");
    assertThat(Http.json(r).get("problems").get(0).get("message").asString()).contains("internal address");
    HttpResponse<String> badName = http.post("/jobs", "{\"editSpec\":" + tinySpec("red", 1) + ",\"outputFilename\":\"../../evil.mp4\"}");
    assertThat(badName.statusCode()).isEqualTo(400);
    HttpResponse<String> audio = http.post("/audio-info", "{\"audioPath\":\"/app/uploads/../../etc/passwd\"}");
    assertThat(audio.statusCode()).isEqualTo(404);
  }
}
