package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21: a render JVM that dies of a fatal error fails its job at once (not the three attempts a
 * timeout gets), with a message naming the crash, and leaves no report and no partial output. The
 * fatal error is real: the workers get a 4 MB heap and -XX:+CrashOnOutOfMemoryError, so the JVM
 * aborts with an hs_err report as on a native fault.
 */
class NativeCrashServiceTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(List.of("--smelter.worker.java-options=-Xms2m,-Xmx4m,-XX:+CrashOnOutOfMemoryError",
        "--smelter.worker.max-attempts=3"));
  }

  @AfterAll
  static void stop() {
    server.context.close();
  }

  @Test
  void aCrashedRenderFailsOnceAndLeavesNothing() throws Exception {
    HttpResponse<String> r = server.http.post("/jobs", JobApiTest.tinySpec("red", 0.2));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = Http.json(r).get("jobId").asString();

    JsonNode done = server.http.awaitTerminal(id, Duration.ofSeconds(90));

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("failed");
    assertThat(done.get("attempts").asInt()).as("not retried").isEqualTo(1);
    assertThat(done.get("error").asString()).startsWith("the render process crashed (Internal Error").contains("not retried");
    Path jobDir = server.dataDir.resolve("work").resolve(id);
    try (Stream<Path> files = Files.walk(server.dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err") || n.contains(".partial-"));
    }
    assertThat(Files.readString(jobDir.resolve("worker.log"))).contains("fatal error report", "OutOfMemoryError");
  }
}
