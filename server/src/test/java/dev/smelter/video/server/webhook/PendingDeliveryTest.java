package dev.smelter.video.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.Callback;
import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.FileJobQueue;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A webhook still pending when the server stopped is delivered after the restart (records reloaded from disk). */
class PendingDeliveryTest {
  @TempDir Path dir;

  @Test
  void aPendingDeliveryIsResumedFromTheStoredRecord() throws Exception {
    LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    try {
      var json = JsonMapper.builder().build();
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=x";
      FileJobQueue before = new FileJobQueue(dir, json, new JobEvents(), Clock.systemUTC(), 3);
      String id = before.submit(new JobRequest(json.createObjectNode(), "a.mp4", Optional.of(new Callback(url, Map.of(), Optional.empty())),
          Optional.empty(), Optional.empty(), 0, Optional.empty())).job().id();
      before.update(id, j -> j.ended(JobStatus.FAILED, "render failed", Clock.systemUTC().instant()));

      // "Restart": a new queue reads the records; the dispatcher finds the pending delivery.
      JobEvents events = new JobEvents();
      FileJobQueue after = new FileJobQueue(dir, json, events, Clock.systemUTC(), 3);
      CompletableFuture<Delivery.State> settled = new CompletableFuture<>();
      events.subscribe(id, j -> {
        if (j.delivery().state() != Delivery.State.PENDING) settled.complete(j.delivery().state());
      });
      var config = new ServiceProperties.Webhook("", Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(5),
          java.util.List.of("127.0.0.1"));
      new WebhookDispatcher(after, config, WebhookSecret.generate(), json, Clock.systemUTC()).resumePending();

      assertThat(settled.get(20, TimeUnit.SECONDS)).isEqualTo(Delivery.State.DELIVERED);
      assertThat(bodies.poll(1, TimeUnit.SECONDS)).contains("\"status\":\"failed\"", "\"error\":\"render failed\"");
      assertThat(after.get(id).orElseThrow().delivery().attempts()).hasSize(1);
    } finally {
      receiver.stop(0);
    }
  }
}
