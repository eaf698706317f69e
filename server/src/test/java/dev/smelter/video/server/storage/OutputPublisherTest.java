package dev.smelter.video.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing an output into a folder on another file system ("Invalid cross-device link"). */
class OutputPublisherTest {
  @TempDir Path dir;

  @Test
  void theFallbackCopiesSyncsAndRenamesWithinTheTargetFolder() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path outputs = Files.createDirectories(dir.resolve("outputs"));
    Path rendered = Files.writeString(work.resolve("render-1.mp4"), "new video");
    Path target = Files.writeString(outputs.resolve("a.mp4"), "old video");

    OutputPublisher.copyThenRename(rendered, target);

    assertThat(target).hasContent("new video");
    assertThat(rendered).doesNotExist();
    assertThat(list(outputs)).containsExactly("a.mp4");
  }

  @Test
  void aFailedFallbackLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
    Path outputs = Files.createDirectories(dir.resolve("outputs"));
    Path target = Files.writeString(outputs.resolve("a.mp4"), "old video");

    assertThatThrownBy(() -> OutputPublisher.copyThenRename(dir.resolve("missing.mp4"), target)).isInstanceOf(IOException.class);

    assertThat(target).hasContent("old video");
    assertThat(list(outputs)).containsExactly("a.mp4");
  }

  /**
   * A real second file system: /dev/shm is a tmpfs on Linux. Skipped (with the reason) only where
   * there is no such folder on another device.
   */
  @Test
  void aRealCrossDeviceMoveFallsBack() throws Exception {
    Path shm = Path.of("/dev/shm");
    Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no writable /dev/shm");
    Assumptions.assumeFalse(Files.getFileStore(shm).equals(Files.getFileStore(dir)), "/dev/shm is on the same file system as " + dir);
    Path outputs = Files.createTempDirectory(shm, "smelter-outputs-");
    try {
      Path rendered = Files.writeString(dir.resolve("render-1.mp4"), "video bytes");
      Path target = outputs.resolve("a.mp4");
      // The situation is real: a plain atomic rename is refused across the two.
      Path probe = Files.writeString(dir.resolve("probe"), "x");
      assertThatThrownBy(() -> Files.move(probe, outputs.resolve("probe"), StandardCopyOption.ATOMIC_MOVE))
          .isInstanceOf(AtomicMoveNotSupportedException.class);

      OutputPublisher.move(rendered, target);

      assertThat(target).hasContent("video bytes");
      assertThat(rendered).doesNotExist();
      assertThat(list(outputs)).containsExactly("a.mp4");
    } finally {
      try (Stream<Path> s = Files.list(outputs)) {
        for (Path p : s.toList()) Files.delete(p);
      }
      Files.delete(outputs);
    }
  }

  private static java.util.List<String> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
