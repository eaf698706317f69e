package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.media.FfmpegProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code kill -9} of the server (a real child process) in the middle of a render: the job is re-run once and completes. */
class RestartRecoveryTest {
  @TempDir Path data;

  private final List<Process> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
  }

  /** Starts the server in its own JVM and returns its port once Spring reports it started. */
  private int startServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        ServerApplication.class.getName(), "--port", Integer.toString(port), "--host", "127.0.0.1", "--data-dir", data.toString(),
        "--slots", "1").redirectErrorStream(true).start();
    servers.add(p);
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.contains("Started ServerApplication")) started.complete(null);
        }
        started.completeExceptionally(new AssertionError("server exited before it started"));
      } catch (IOException e) {
        started.completeExceptionally(e);
      }
    });
    started.get(120, TimeUnit.SECONDS);
    return port;
  }

  @Test
  void killedMidRenderTheJobIsRerunAndCompletesExactlyOnce() throws Exception {
    Http first = new Http(startServer());
    String body = """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":2000,"layers":[{"type":"fill-color","color":"purple"}]}]},
         "outputFilename":"survivor.mp4"}""";
    String id = Http.json(first.post("/jobs", body)).get("jobId").asString();
    first.awaitJob(id, j -> j.get("frames").get("done").asInt() > 0, Duration.ofSeconds(60));
    Process server = servers.getFirst();
    List<ProcessHandle> workers = server.descendants().toList();
    assertThat(workers).isNotEmpty();

    server.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to tidy up
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle w : workers) {
      // An orphaned worker notices its parent is gone (stdin closes) and stops.
      w.onExit().get(30, TimeUnit.SECONDS);
    }
    assertThat(Files.exists(data.resolve("outputs/survivor.mp4"))).isFalse();

    Http second = new Http(startServer());
    JsonNode done = second.awaitTerminal(id, Duration.ofSeconds(180));

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.get("attempts").asInt()).isEqualTo(2);
    assertThat(done.get("result").get("frames").asInt()).isEqualTo(20000);
    assertThat(new FfmpegProbe().probe(data.resolve("outputs/survivor.mp4")).video().orElseThrow().duration())
        .isCloseTo(2000.0, org.assertj.core.data.Offset.offset(0.01));
    JsonNode all = Http.json(second.get("/jobs"));
    assertThat(all.get("count").asInt()).isEqualTo(1);
    try (var records = Files.list(data.resolve("jobs"))) {
      assertThat(records.map(p -> p.getFileName().toString()).toList()).containsExactly(id + ".json");
    }
  }
}
