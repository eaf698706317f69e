package dev.smelter.video.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One in-process service on a random free port of 127.0.0.1, shared by the test classes (start-up
 * costs seconds on a 2-core machine): 2 slots, an external URL, remote media allowed (to test the
 * SSRF guard), a webhook secret, webhooks allowed to 127.0.0.1 (the tests' receivers; ::1 and other
 * internal addresses stay refused, as by default) and short webhook backoff.
 */
final class TestServer {
  static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("test-secret-0123456789".getBytes());
  static final String EXTERNAL = "http://public.example:8080";

  private static TestServer shared;

  final ConfigurableApplicationContext context;
  final Path dataDir;
  final Http http;

  private TestServer(Path dataDir, List<String> extra) {
    this.dataDir = dataDir;
    List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
        "--external-url", EXTERNAL,
        "--smelter.security.allow-remote=true",
        "--smelter.webhook.secret=" + SECRET,
        "--smelter.webhook.allowed-hosts=127.0.0.1",
        "--smelter.webhook.initial-backoff=PT0.05S",
        "--smelter.webhook.max-backoff=PT0.2S",
        "--smelter.webhook.deadline=PT20S",
        "--smelter.worker.retry-backoff=PT0.1S",
        // Tiny renders: JVM start-up dominates, and the C1-only JIT starts faster.
        "--smelter.worker.java-options=-XX:TieredStopAtLevel=1"));
    if (!extra.contains("--slots")) args.addAll(List.of("--slots", "2"));
    args.addAll(extra);
    this.context = ServerApplication.start(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.http = new Http(port);
  }

  /** A separate server on a given data folder (a restart, or nodes sharing it); the caller closes {@link #context}. */
  static TestServer start(Path dataDir, List<String> extra) {
    return new TestServer(dataDir, extra);
  }

  /** A separate server with more settings; the caller closes {@link #context}. */
  static TestServer start(List<String> extra) throws Exception {
    return new TestServer(Files.createTempDirectory("smelter-service-test"), extra);
  }

  static synchronized TestServer shared() throws Exception {
    if (shared == null) {
      Path dir = Files.createTempDirectory("smelter-service-test");
      shared = new TestServer(dir, List.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
    }
    return shared;
  }

  Path uploads() {
    return dataDir.resolve("uploads");
  }

  Path outputs() {
    return dataDir.resolve("outputs");
  }
}
