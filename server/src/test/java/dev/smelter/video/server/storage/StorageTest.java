package dev.smelter.video.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.ServiceProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** downloadUrl is absolute with an external URL (v3+ workflows) and relative without one (v1–v2 workflows). */
class StorageTest {
  @TempDir Path dir;

  private Storage storage(String external) {
    return new Storage(new ServiceProperties(dir, 1, external, null, null, null, null, null, null, Duration.ofMinutes(45), null, null, "api", "stretch"));
  }

  @Test
  void downloadUrls() {
    assertThat(storage("").downloadUrl("carte_digitala_2025-09-18T03-34-12.mp4")).isEqualTo("/download/carte_digitala_2025-09-18T03-34-12.mp4");
    assertThat(storage("https://render.example/").downloadUrl("a b.mp4")).isEqualTo("https://render.example/download/a%20b.mp4");
  }

  @Test
  void onlyPlainNamesAreSafe() {
    assertThat(Storage.safeName("INFANT_STIL_99RON_594.mp4")).isTrue();
    assertThat(Storage.safeName("../x.mp4")).isFalse();
    assertThat(Storage.safeName("a/b.mp4")).isFalse();
    assertThat(Storage.safeName("..")).isFalse();
    assertThat(Storage.safeName("")).isFalse();
  }
}
