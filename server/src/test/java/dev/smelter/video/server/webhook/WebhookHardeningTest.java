package dev.smelter.video.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.Callback;
import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.DeliveryAttempt;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.net.HostResolver;
import dev.smelter.video.server.queue.FileJobQueue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery against real loopback receivers: the target is checked again at delivery (DNS
 * rebinding), redirects are not followed, a huge answer is not read, only the status is recorded,
 * and every request carries a signature made with the secret persisted in the data folder.
 */
class WebhookHardeningTest {
  @TempDir Path dir;

  final JsonMapper json = JsonMapper.builder().build();
  final LinkedBlockingQueue<Map<String, List<String>>> hits = new LinkedBlockingQueue<>();
  HttpServer receiver;
  FileJobQueue queue;
  JobEvents events;

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      hits.add(Map.copyOf(ex.getRequestHeaders()));
      byte[] answer = "secret internal page".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, answer.length);
      ex.getResponseBody().write(answer);
      ex.close();
    });
    receiver.start();
    events = new JobEvents();
    queue = new FileJobQueue(dir.resolve("jobs"), json, events, Clock.systemUTC(), 3);
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private int port() {
    return receiver.getAddress().getPort();
  }

  private static ServiceProperties.Webhook config(List<String> allowed) {
    return new ServiceProperties.Webhook("", Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(5), allowed);
  }

  /** A finished job with a callback, and a future of its settled delivery. */
  private Job finishedJob(String url, CompletableFuture<Job> settled) {
    String id = queue.submit(new JobRequest(json.createObjectNode(), "a.mp4", Optional.of(new Callback(url, Map.of(), Optional.empty())),
        Optional.empty(), Optional.empty(), 0, Optional.empty())).job().id();
    events.subscribe(id, j -> {
      if (j.delivery().state() != Delivery.State.PENDING && j.delivery().state() != Delivery.State.NONE) settled.complete(j);
    });
    return queue.update(id, j -> j.ended(JobStatus.FAILED, "render failed", Clock.systemUTC().instant())).orElseThrow();
  }

  private WebhookDispatcher dispatcher(ServiceProperties.Webhook config, HostResolver resolver, String secret) {
    return new WebhookDispatcher(queue, config, new WebhookSigner(secret), WebhookDispatcher.guard(config, resolver), json,
        Clock.systemUTC(), DeliveryLease.local());
  }

  @Test
  void aNameThatResolvesInsideAtDeliveryIsRefusedThere() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    // Public when the job was accepted, loopback when the webhook is due.
    HostResolver rebinding = host -> new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")};
    ServiceProperties.Webhook config = config(List.of());
    URI url = URI.create("http://rebind.example:" + port() + "/hook");
    WebhookDispatcher.guard(config, rebinding).check(url); // the intake's check passes

    CompletableFuture<Job> settled = new CompletableFuture<>();
    dispatcher(config, rebinding, WebhookSecret.generate()).deliverLater(finishedJob(url.toString(), settled));

    Job job = settled.get(20, TimeUnit.SECONDS);
    assertThat(job.delivery().state()).isEqualTo(Delivery.State.GAVE_UP);
    DeliveryAttempt only = job.delivery().attempts().getFirst();
    assertThat(job.delivery().attempts()).hasSize(1);
    assertThat(only.status()).isZero();
    assertThat(only.outcome()).startsWith("refused: rebind.example resolves to 127.0.0.1").contains("smelter.webhook.allowed-hosts");
    assertThat(hits).as("nothing reached the loopback receiver").isEmpty();
  }

  @Test
  void metadataAndUnlistedInternalTargetsAreRefusedAtDelivery() throws Exception {
    for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[::ffff:a9fe:a9fe]/", "http://10.0.0.7/hook",
        "http://[::1]:" + port() + "/hook", "http://[64:ff9b::7f00:1]:" + port() + "/")) {
      CompletableFuture<Job> settled = new CompletableFuture<>();
      // Loopback 127.0.0.1 is allowed here: none of these is that address as written.
      dispatcher(config(List.of("127.0.0.1", "169.254.0.0/16")), HostResolver.system(), WebhookSecret.generate())
          .deliverLater(finishedJob(url, settled));
      Job job = settled.get(20, TimeUnit.SECONDS);
      assertThat(job.delivery().state()).as(url).isEqualTo(Delivery.State.GAVE_UP);
      assertThat(job.delivery().attempts().getFirst().outcome()).as(url).startsWith("refused: ");
    }
    assertThat(hits).isEmpty();
  }

  @Test
  void aRedirectToAnInternalAddressIsNotFollowed() throws Exception {
    HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    redirecting.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/internal");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    redirecting.start();
    try {
      CompletableFuture<Job> settled = new CompletableFuture<>();
      String url = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/hook";
      dispatcher(config(List.of("127.0.0.1")), HostResolver.system(), WebhookSecret.generate()).deliverLater(finishedJob(url, settled));
      Job job = settled.get(20, TimeUnit.SECONDS);
      assertThat(job.delivery().state()).isEqualTo(Delivery.State.GAVE_UP);
      assertThat(job.delivery().attempts()).singleElement().satisfies(a -> {
        assertThat(a.status()).isEqualTo(302);
        assertThat(a.outcome()).isEqualTo("stop: HTTP 302 (redirects are not followed)");
      });
      assertThat(hits).as("the redirect's target").isEmpty();
    } finally {
      redirecting.stop(0);
    }
  }

  @Test
  void aHugeAnswerIsNotReadAndOnlyItsStatusIsRecorded() throws Exception {
    long announced = 400L << 20;
    AtomicLong written = new AtomicLong();
    CompletableFuture<Void> serverDone = new CompletableFuture<>();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket s = server.accept()) {
          s.setSoTimeout(10_000);
          var in = s.getInputStream();
          byte[] buf = new byte[8192];
          // The request head and the small JSON body: read until the body's last brace.
          StringBuilder req = new StringBuilder();
          while (!req.toString().contains("\r\n\r\n{") || !req.toString().endsWith("}")) {
            int n = in.read(buf);
            if (n < 0) break;
            req.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          }
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = "internal data ".repeat(4681).getBytes(StandardCharsets.US_ASCII); // ≈ 64 KB
          while (written.get() < announced) {
            out.write(chunk);
            written.addAndGet(chunk.length);
          }
          serverDone.complete(null);
        } catch (IOException e) {
          serverDone.complete(null); // the client hung up: the expected end
        }
      });
      CompletableFuture<Job> settled = new CompletableFuture<>();
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/hook";
      dispatcher(config(List.of("127.0.0.1")), HostResolver.system(), WebhookSecret.generate()).deliverLater(finishedJob(url, settled));
      Job job = settled.get(20, TimeUnit.SECONDS);
      serverDone.get(20, TimeUnit.SECONDS);

      assertThat(job.delivery().state()).isEqualTo(Delivery.State.DELIVERED);
      assertThat(job.delivery().attempts()).singleElement().satisfies(a -> {
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.outcome()).isEqualTo("delivered: HTTP 200");
      });
      // We read 4 KB and hung up; what the receiver got rid of is what the kernel's socket buffers took.
      assertThat(written.get()).as("bytes the receiver could send").isLessThan(32L << 20);
    }
  }

  @Test
  void everyWebhookIsSignedWithTheSecretPersistedInTheDataFolder() throws Exception {
    Path data = dir.resolve("data");
    String secret = WebhookSecret.inFolder(data);
    Path file = data.resolve(WebhookSecret.FILE);
    assertThat(secret).startsWith("whsec_");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(WebhookSecret.inFolder(data)).as("kept, not generated again").isEqualTo(secret);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(WebhookSecret.inFolder(data)).isEqualTo(secret);
    assertThat(Files.getPosixFilePermissions(file)).as("tightened again").isEqualTo(PosixFilePermissions.fromString("rw-------"));

    LinkedBlockingQueue<String[]> signed = new LinkedBlockingQueue<>();
    receiver.removeContext("/");
    receiver.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var h = ex.getRequestHeaders();
      signed.add(new String[] {h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), body,
          h.getFirst("Authorization")});
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    CompletableFuture<Job> settled = new CompletableFuture<>();
    // No secret configured: the dispatcher signs with the persisted one, and URL credentials become Basic auth.
    dispatcher(config(List.of("127.0.0.1")), HostResolver.system(), WebhookSecret.inFolder(data))
        .deliverLater(finishedJob("http://n8n%40x:p%3Aw@127.0.0.1:" + port() + "/hook", settled));
    assertThat(settled.get(20, TimeUnit.SECONDS).delivery().state()).isEqualTo(Delivery.State.DELIVERED);
    String[] got = signed.poll(5, TimeUnit.SECONDS);
    assertThat(got).isNotNull();
    assertThat(got[2]).isEqualTo(new WebhookSigner(Files.readString(file).strip()).sign(got[0], Long.parseLong(got[1]), got[3]));
    assertThat(got[4]).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("n8n@x:p:w".getBytes(StandardCharsets.UTF_8)));
    assertThat(settled.get().delivery().attempts().getFirst().url()).isEqualTo("http://***@127.0.0.1:" + port() + "/hook");
  }
}
