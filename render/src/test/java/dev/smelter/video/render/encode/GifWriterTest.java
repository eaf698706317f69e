package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.MediaInspector;
import dev.smelter.video.render.media.MediaInspector.VideoFacts;
import dev.smelter.video.render.media.SineWave;
import dev.smelter.video.render.media.TestVideos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {
  @TempDir Path dir;

  @Test
  void writesALoopingGifWithEveryFrame() throws IOException {
    Path file = dir.resolve("out.gif");
    EncodeSettings settings = new EncodeSettings(Optional.empty(), "medium", 18, Optional.empty(), "yuv420p", "high", "128k", true);
    OutputSpec spec = new OutputSpec(file, OutputSpec.Format.GIF, 64, 112, new Rational(10, 1), settings);
    SineWave ignoredAudio = new SineWave(48_000, 2, 1.0, 440, 0.5f);
    try (OutputWriter writer = OutputWriter.open(file, spec, Optional.of(ignoredAudio))) {
      assertThat(writer.encoderName()).isEqualTo("gif");
      ByteBuffer rgba = ByteBuffer.allocateDirect(64 * 112 * 4);
      for (int i = 0; i < 12; i++) {
        // Alternating red / blue frames, so that no frame can be merged into its predecessor.
        TestVideos.fill(rgba, 64, 112, i % 2 == 0 ? 255 : 0, 0, i % 2 == 0 ? 0 : 255, 255);
        writer.writeFrame(rgba);
      }
      writer.finish();
    }

    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    // NETSCAPE2.0 application extension: sub-block 1, loop count 0 = forever.
    String content = new String(bytes, StandardCharsets.ISO_8859_1);
    int netscape = content.indexOf("NETSCAPE2.0");
    assertThat(netscape).isPositive();
    assertThat(bytes[netscape + 11]).isEqualTo((byte) 3);
    assertThat(bytes[netscape + 12]).isEqualTo((byte) 1);
    assertThat(bytes[netscape + 13] | bytes[netscape + 14]).isZero();

    VideoFacts video = MediaInspector.inspect(file).video().orElseThrow();
    assertThat(video.codec()).isEqualTo("gif");
    assertThat(video.width()).isEqualTo(64);
    assertThat(video.height()).isEqualTo(112);
    assertThat(video.frames()).isEqualTo(12);
    assertThat(MediaInspector.inspect(file).duration()).isCloseTo(1.2, within(1e-6));
    assertThat(MediaInspector.inspect(file).audio()).isEmpty();
    assertThat(ignoredAudio.delivered()).isZero();
    int[] first = MediaInspector.pixel(file, 0, 32, 56);
    int[] second = MediaInspector.pixel(file, 1, 32, 56);
    assertThat(first[0]).isCloseTo(255, within(8));
    assertThat(first[2]).isCloseTo(0, within(8));
    assertThat(second[0]).isCloseTo(0, within(8));
    assertThat(second[2]).isCloseTo(255, within(8));
  }
}
