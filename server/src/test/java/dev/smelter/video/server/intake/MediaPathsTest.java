package dev.smelter.video.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client paths map to our folders and cannot leave them; internal addresses are recognised. */
class MediaPathsTest {
  @TempDir Path dir;

  @Test
  void legacyContainerPathsMapToOurFoldersAndEscapesAreRefused() throws Exception {
    Path uploads = Files.createDirectories(dir.resolve("uploads")).toRealPath();
    Path files = Files.createDirectories(dir.resolve("files")).toRealPath();
    Path outputs = Files.createDirectories(dir.resolve("outputs")).toRealPath();
    Path media = Files.createDirectories(dir.resolve("media")).toRealPath();
    Path secret = Files.writeString(dir.resolve("secret.txt"), "x");
    Files.createSymbolicLink(uploads.resolve("link.png"), secret);
    MediaPaths paths = new MediaPaths(uploads, files, outputs, List.of(media));

    assertThat(paths.resolve("/app/uploads/files-1-2.png")).isEqualTo(new MediaPaths.Local(uploads.resolve("files-1-2.png")));
    assertThat(paths.resolve("/uploads/a.mp3")).isEqualTo(new MediaPaths.Local(uploads.resolve("a.mp3")));
    assertThat(paths.resolve("/app/files/page1.png")).isEqualTo(new MediaPaths.Local(files.resolve("page1.png")));
    assertThat(paths.resolve("/outputs/x.mp4")).isEqualTo(new MediaPaths.Local(outputs.resolve("x.mp4")));
    assertThat(paths.resolve("files-9.wav")).isEqualTo(new MediaPaths.Local(uploads.resolve("files-9.wav")));
    assertThat(paths.resolve(media.resolve("clip.mov").toString())).isEqualTo(new MediaPaths.Local(media.resolve("clip.mov")));
    assertThat(paths.resolve("https://example.com/a.png")).isInstanceOf(MediaPaths.Remote.class);

    for (String bad : List.of("/app/uploads/../secret.txt", "..\\\\secret.txt", "/etc/passwd", "link.png", "file:///etc/passwd",
        // Staged specs name objects as store:<key>; clients cannot, or they could read any object.
        "store:inputs/abc.png", "store:outputs/other-client.mp4", secret.toString())) {
      assertThat(paths.resolve(bad)).as(bad).isInstanceOf(MediaPaths.Refused.class);
    }
  }
}
