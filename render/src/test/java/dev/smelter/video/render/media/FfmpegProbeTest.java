package dev.smelter.video.render.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Rational;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegProbeTest {
  @TempDir Path dir;

  private final FfmpegProbe probe = new FfmpegProbe();

  @Test
  void reportsDurationsSizeRateAndAudio() throws IOException {
    Path file = TestVideos.write(dir.resolve("av.mp4"), 64, 112, new Rational(10, 1), 20, TestVideos.indexColours(),
        Optional.of(new SineWave(44_100, 2, 3.0, 440, 0.5f)));

    MediaInfo info = probe.probe(file);

    assertThat(info.duration()).isCloseTo(3.0, within(0.03));
    MediaInfo.VideoStream video = info.video().orElseThrow();
    assertThat(video.width()).isEqualTo(64);
    assertThat(video.height()).isEqualTo(112);
    assertThat(video.rotation()).isZero();
    assertThat(video.frameRate()).isEqualTo(new Rational(10, 1));
    assertThat(video.duration()).isCloseTo(2.0, within(1e-6));
    MediaInfo.AudioStream audio = info.audio().orElseThrow();
    assertThat(audio.sampleRate()).isEqualTo(44_100);
    assertThat(audio.channels()).isEqualTo(2);
    assertThat(audio.duration()).isCloseTo(3.0, within(0.03));
    assertThat(FfmpegProbe.hasAudio(file)).isTrue();
  }

  @Test
  void videoWithoutAudio() throws IOException {
    Path file = TestVideos.write(dir.resolve("v.mp4"), 64, 112, new Rational(30000, 1001), 6, TestVideos.indexColours(), Optional.empty());
    MediaInfo info = probe.probe(file);
    assertThat(info.audio()).isEmpty();
    assertThat(info.video().orElseThrow().frameRate()).isEqualTo(new Rational(30000, 1001));
    assertThat(info.duration()).isCloseTo(6 * 1001 / 30000.0, within(1e-3));
    assertThat(FfmpegProbe.hasAudio(file)).isFalse();
  }

  @Test
  void swapsWidthAndHeightForAPortraitDisplayMatrix() throws IOException {
    Path source = TestVideos.write(dir.resolve("landscape.mp4"), 112, 64, new Rational(10, 1), 5, TestVideos.indexColours(), Optional.empty());
    // Phones store portrait clips as landscape pictures plus "rotation -90" (ffprobe's sign).
    Path portrait = TestVideos.rotated(source, dir.resolve("portrait.mp4"), -90);
    Path upsideDown = TestVideos.rotated(source, dir.resolve("upside-down.mp4"), 180);
    Path other = TestVideos.rotated(source, dir.resolve("other.mp4"), 90);

    MediaInfo.VideoStream video = probe.probe(portrait).video().orElseThrow();
    assertThat(video.rotation()).isEqualTo(90);
    assertThat(video.width()).isEqualTo(64);
    assertThat(video.height()).isEqualTo(112);
    MediaInfo.VideoStream flipped = probe.probe(upsideDown).video().orElseThrow();
    assertThat(flipped.rotation()).isEqualTo(180);
    assertThat(flipped.width()).isEqualTo(112);
    MediaInfo.VideoStream counterClockwise = probe.probe(other).video().orElseThrow();
    assertThat(counterClockwise.rotation()).isEqualTo(270);
    assertThat(counterClockwise.width()).isEqualTo(64);
  }

  @Test
  void missingAndUnreadableFilesFailClearly() throws IOException {
    Path missing = dir.resolve("nope.mp4");
    assertThatThrownBy(() -> probe.probe(missing)).isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.mp4");
    Path garbage = Files.write(dir.resolve("garbage.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThatThrownBy(() -> probe.probe(garbage))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot read media file")
        .hasMessageContaining("garbage.mp4");
  }
}
