package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the outputs folder on another file system (here a tmpfs, /dev/shm, linked in as
 * {@code outputs/}) — renders are written in {@code work/} and published across the mount.
 */
class CrossDeviceOutputsTest {
  @TempDir Path data;

  @Test
  void aRenderIsPublishedIntoOutputsOnAnotherMount() throws Exception {
    Path shm = Path.of("/dev/shm");
    Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no writable /dev/shm");
    Assumptions.assumeFalse(Files.getFileStore(shm).equals(Files.getFileStore(data)), "/dev/shm is on the same file system as " + data);
    Path mounted = Files.createTempDirectory(shm, "smelter-outputs-");
    Files.createSymbolicLink(data.resolve("outputs"), mounted);
    TestServer server = TestServer.start(data, List.of("--slots", "1"));
    try {
      HttpResponse<String> r = server.http.post("/edit", "{\"editSpec\":" + JobApiTest.tinySpec("purple", 0.4)
          + ",\"outputFilename\":\"across.mp4\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Files.size(mounted.resolve("across.mp4"))).isPositive();
      assertThat(server.http.getBytes("/download/across.mp4").body().length).isEqualTo(Files.size(mounted.resolve("across.mp4")));
      try (Stream<Path> s = Files.list(mounted)) {
        assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no temporary file left").containsExactly("across.mp4");
      }
    } finally {
      server.context.close();
      try (Stream<Path> s = Files.list(mounted)) {
        for (Path p : s.toList()) Files.delete(p);
      }
      Files.delete(mounted);
    }
  }
}
