package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smelter.video.server.webhook.WebhookSigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Terminal webhooks against a loopback receiver that behaves like n8n's Wait node: signatures verify
 * (Standard Webhooks), the URL's query string arrives untouched, 409 "running already" is retried,
 * 409 "finished already" ends delivery, and every attempt is recorded on the job.
 */
class WebhookTest {
  record Received(String path, String query, Map<String, List<String>> headers, String body) {}

  static TestServer server;

  HttpServer receiver;
  final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final List<Integer> script = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.shared();
  }

  @BeforeEach
  void receiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int n = calls.getAndIncrement();
      int status = n < script.size() ? script.get(n) : 200;
      String answer = switch (status) {
        case 409 -> n == 0 && script.size() > 1 && script.get(1) == 200 ? "{\"message\":\"The execution \\\"7\\\" is running already.\"}"
            : "{\"message\":\"The execution \\\"7\\\" has finished already.\"}";
        default -> "{\"message\":\"Workflow was started\"}";
      };
      received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
          new String(body, StandardCharsets.UTF_8)));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook-waiting/7?signature=abc%2Fdef&x=1";
  }

  @Test
  void signedTerminalPostRetriesRunningAlreadyAndKeepsTheQuery() throws Exception {
    script.addAll(List.of(409, 200));
    String body = """
        {"editSpec":%s,"outputFilename":"hooked.mp4","webhookUrl":"%s","metadata":{"row_id":42}}"""
        .formatted(JobApiTest.tinySpec("teal", 0.4), url());
    String id = Http.json(server.http.post("/jobs", body)).get("jobId").asString();

    Received first = received.poll(60, TimeUnit.SECONDS);
    Received second = received.poll(30, TimeUnit.SECONDS);

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(second.query()).isEqualTo("signature=abc%2Fdef&x=1");
    // Plain HTTP/1.1: n8n (Node) never answers the JDK's default h2c upgrade request.
    assertThat(second.headers()).doesNotContainKeys("Upgrade", "Http2-settings");
    String msgId = second.headers().get("Webhook-id").getFirst();
    String ts = second.headers().get("Webhook-timestamp").getFirst();
    String signature = second.headers().get("Webhook-signature").getFirst();
    assertThat(signature).isEqualTo(new WebhookSigner(TestServer.SECRET).sign(msgId, Long.parseLong(ts), second.body()));
    assertThat(first.headers().get("Webhook-id").getFirst()).isEqualTo(msgId); // same message, retried
    JsonNode event = Http.JSON.readTree(second.body());
    assertThat(event.get("jobId").asString()).isEqualTo(id);
    assertThat(event.get("status").asString()).isEqualTo("completed");
    assertThat(event.get("downloadUrl").asString()).isEqualTo(TestServer.EXTERNAL + "/download/hooked.mp4");
    assertThat(event.get("duration").asDouble()).isEqualTo(0.4);
    assertThat(event.get("size").asLong()).isPositive();
    assertThat(event.get("metadata").get("row_id").asInt()).isEqualTo(42);
    assertThat(event.has("error")).isFalse();

    JsonNode job = awaitDelivery(id, "delivered");
    assertThat(job.get("webhook").get("attempts").size()).isEqualTo(2);
    assertThat(job.get("webhook").get("attempts").get(0).get("status").asInt()).isEqualTo(409);
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("exactly one successful POST").isNull();
  }

  @Test
  void finishedAlreadyStopsAndCancelledJobsReportWithCallbackHeaders() throws Exception {
    script.addAll(List.of(409));
    String body = """
        {"editSpec":%s,"callback":{"url":"%s","headers":{"X-Callback-Token":"t0k"},"basicAuth":{"user":"n8n","password":"pw"}}}"""
        .formatted(JobApiTest.tinySpec("olive", 14000), url());
    String id = Http.json(server.http.post("/jobs", body)).get("jobId").asString();
    server.http.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60));
    assertThat(server.http.delete("/jobs/" + id).statusCode()).isEqualTo(200);

    Received only = received.poll(60, TimeUnit.SECONDS);

    assertThat(only).isNotNull();
    assertThat(only.headers().get("X-callback-token")).containsExactly("t0k");
    assertThat(only.headers().get("Authorization")).containsExactly("Basic " + java.util.Base64.getEncoder().encodeToString("n8n:pw".getBytes()));
    JsonNode event = Http.JSON.readTree(only.body());
    assertThat(event.get("status").asString()).isEqualTo("cancelled");
    assertThat(event.get("error").asString()).isEqualTo("cancelled");
    assertThat(event.get("downloadUrl").isNull()).isTrue();
    JsonNode job = awaitDelivery(id, "gave_up");
    assertThat(job.get("webhook").get("attempts").size()).isEqualTo(1);
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("409 finished already is final").isNull();
  }

  @Test
  void progressGoesToItsOwnUrlAndTheResumeUrlGetsOnlyTheTerminalEvent() throws Exception {
    String progressUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/progress";
    String body = """
        {"editSpec":%s,"callback":{"url":"%s","progressUrl":"%s"}}""".formatted(JobApiTest.tinySpec("maroon", 0.4), url(), progressUrl);
    String id = Http.json(server.http.post("/jobs", body)).get("jobId").asString();

    JsonNode job = awaitDelivery(id, "delivered");
    List<Received> all = new java.util.ArrayList<>();
    received.drainTo(all);

    List<Received> terminal = all.stream().filter(r -> r.path().startsWith("/webhook-waiting/")).toList();
    List<Received> progress = all.stream().filter(r -> r.path().equals("/progress")).toList();
    assertThat(terminal).hasSize(1);
    assertThat(Http.JSON.readTree(terminal.getFirst().body()).get("status").asString()).isEqualTo("completed");
    assertThat(job.get("webhook").get("attempts").size()).isEqualTo(1);
    // Progress is best effort and asynchronous: the "encoding" event may trail the terminal one.
    List<String> statuses = new java.util.ArrayList<>(progress.stream().map(r -> Http.JSON.readTree(r.body()).get("status").asString()).toList());
    while (!statuses.contains("encoding")) {
      Received more = received.poll(10, TimeUnit.SECONDS);
      assertThat(more).as("an encoding progress event, got " + statuses).isNotNull();
      assertThat(more.path()).isEqualTo("/progress");
      assertThat(Http.JSON.readTree(more.body()).get("jobId").asString()).isEqualTo(id);
      statuses.add(Http.JSON.readTree(more.body()).get("status").asString());
    }
    assertThat(statuses).allMatch(st -> st.equals("rendering") || st.equals("encoding"));
  }

  /**
   * Internal targets are refused before anything is queued, with the field's JSON path: metadata
   * always, loopback other than this server's allowed 127.0.0.1, private ranges, and IPv6 forms that
   * carry such an IPv4 address.
   */
  @Test
  void internalWebhookTargetsAre400WithTheirPath() throws Exception {
    int port = receiver.getAddress().getPort();
    Map<String, String> cases = Map.of(
        "\"webhookUrl\":\"http://169.254.169.254/latest/meta-data/\"", "webhookUrl",
        "\"callbackUrl\":\"http://[64:ff9b::a9fe:a9fe]/\"", "callbackUrl",
        "\"callback\":{\"url\":\"http://10.1.2.3/hook\"}", "callback.url",
        "\"callback\":{\"url\":\"http://[::ffff:192.168.0.1]/hook\"}", "callback.url",
        "\"callback\":{\"url\":\"%s\",\"progressUrl\":\"http://[::1]:%d/p\"}".formatted(url(), port), "progressUrl",
        "\"webhookUrl\":\"http://[2002:a9fe:a9fe::]/\"", "webhookUrl");
    for (var c : cases.entrySet()) {
      var r = server.http.post("/jobs", "{\"editSpec\":%s,%s}".formatted(JobApiTest.tinySpec("navy", 0.4), c.getKey()));
      assertThat(r.statusCode()).as(c.getKey() + " " + r.body()).isEqualTo(400);
      JsonNode problems = Http.json(r).get("problems");
      assertThat(problems.size()).as(problems.toString()).isEqualTo(1);
      assertThat(problems.get(0).get("path").asString()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(problems.get(0).get("message").asString()).as(c.getKey()).containsAnyOf("never a target", "smelter.webhook.allowed-hosts");
    }
    assertThat(received).as("nothing was sent").isEmpty();
  }

  /** URL credentials and secret query values are not shown in job views; the delivery still carries them. */
  @Test
  void urlCredentialsAreRedactedInViewsButDelivered() throws Exception {
    String withCredentials = "http://n8n:s3cret@127.0.0.1:" + receiver.getAddress().getPort() + "/webhook-waiting/9?signature=abc&x=1";
    String id = Http.json(server.http.post("/jobs", """
        {"editSpec":%s,"webhookUrl":"%s"}""".formatted(JobApiTest.tinySpec("silver", 0.4), withCredentials))).get("jobId").asString();

    JsonNode job = awaitDelivery(id, "delivered");
    Received got = received.poll(5, TimeUnit.SECONDS);

    assertThat(got).isNotNull();
    assertThat(got.query()).isEqualTo("signature=abc&x=1");
    assertThat(got.headers().get("Authorization")).containsExactly("Basic " + java.util.Base64.getEncoder().encodeToString("n8n:s3cret".getBytes()));
    assertThat(job.get("webhook").get("url").asString())
        .isEqualTo("http://***@127.0.0.1:" + receiver.getAddress().getPort() + "/webhook-waiting/9?signature=***&x=1");
    // Only the status is recorded, never the receiver's answer.
    assertThat(job.get("webhook").get("attempts").get(0).get("outcome").asString()).isEqualTo("delivered: HTTP 200");
    String all = server.http.get("/jobs/" + id).body() + server.http.get("/jobs").body();
    assertThat(all).doesNotContain("s3cret", "signature=abc", "Workflow was started");
  }

  /** Delivery is recorded after the POST is answered: follow the job until its webhook state settles. */
  private static JsonNode awaitDelivery(String id, String state) throws Exception {
    return server.http.awaitJob(id, j -> j.has("webhook") && j.get("webhook").get("state").asString().equals(state), Duration.ofSeconds(30));
  }
}
