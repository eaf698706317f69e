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

  /** Delivery is recorded after the POST is answered: follow the job until its webhook state settles. */
  private static JsonNode awaitDelivery(String id, String state) throws Exception {
    return server.http.awaitJob(id, j -> j.has("webhook") && j.get("webhook").get("state").asString().equals(state), Duration.ofSeconds(30));
  }
}
