package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.MediaInspector;
import dev.smelter.video.render.media.MediaInspector.AudioFacts;
import dev.smelter.video.render.media.MediaInspector.Facts;
import dev.smelter.video.render.media.MediaInspector.VideoFacts;
import dev.smelter.video.render.media.SineWave;
import dev.smelter.video.render.media.TestVideos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4WriterTest {
  private static final int W = 64;
  private static final int H = 112;
  private static final Rational FPS = new Rational(10, 1);

  @TempDir Path dir;

  private static EncodeSettings settings(String preset, double crf, Optional<String> bitrate, boolean faststart) {
    return new EncodeSettings(Optional.of("libx264"), preset, crf, bitrate, "yuv420p", "high", "128k", faststart);
  }

  @Test
  void writesH264HighYuv420pWithAacAtTheAudiosOwnLength() throws IOException {
    Path file = dir.resolve("out.mp4");
    SineWave sine = new SineWave(48_000, 2, 3.0, 440, 0.5f);
    OutputSpec spec = TestVideos.mp4(file, W, H, FPS, settings("veryfast", 18, Optional.empty(), true));
    String encoder;
    try (OutputWriter writer = OutputWriter.open(file, spec, Optional.of(sine))) {
      encoder = writer.encoderName();
      ByteBuffer rgba = ByteBuffer.allocateDirect(W * H * 4);
      for (int i = 0; i < 25; i++) {
        TestVideos.indexColours().paint(i, rgba, W, H);
        writer.writeFrame(rgba);
      }
      writer.finish();
    }

    assertThat(encoder).isEqualTo("libx264");
    Facts facts = MediaInspector.inspect(file);
    VideoFacts video = facts.video().orElseThrow();
    assertThat(video.codec()).isEqualTo("h264");
    assertThat(video.profile()).isEqualTo("High");
    assertThat(video.pixelFormat()).isEqualTo("yuv420p");
    assertThat(video.width()).isEqualTo(W);
    assertThat(video.height()).isEqualTo(H);
    assertThat(video.frames()).isEqualTo(25);
    assertThat(video.frameRate()).isEqualTo(FPS);
    assertThat(video.duration()).isCloseTo(2.5, within(1e-6));
    AudioFacts audio = facts.audio().orElseThrow();
    assertThat(audio.codec()).isEqualTo("aac");
    assertThat(audio.sampleRate()).isEqualTo(48_000);
    assertThat(audio.channels()).isEqualTo(2);
    // The audio runs past the video: it keeps its own 3 s (no -shortest).
    assertThat(audio.duration()).isCloseTo(3.0, within(0.025));
    assertThat(audio.decodedSamples()).isCloseTo(144_000L, within(1024L));
    assertThat(facts.duration()).isCloseTo(3.0, within(0.025));
    assertThat(sine.delivered()).isEqualTo(144_000);
    assertThat(sine.closed()).as("the caller owns the PCM stream").isFalse();
    // faststart: the index comes before the media data.
    List<String> boxes = MediaInspector.topLevelBoxes(file);
    assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
  }

  @Test
  void decodedFramesKeepTheirColours() throws IOException {
    Path file = TestVideos.write(dir.resolve("colours.mp4"), W, H, FPS, 12, TestVideos.indexColours(), Optional.empty());
    for (int index : new int[] {0, 5, 11}) {
      int[] rgba = MediaInspector.pixel(file, index, W / 2, H / 2);
      assertThat(rgba[0]).as("red of frame %d", index).isCloseTo(TestVideos.level(index), within(3));
      assertThat(rgba[1]).isCloseTo(128, within(3));
      assertThat(rgba[2]).isCloseTo(255 - TestVideos.level(index), within(3));
    }
    assertThat(MediaInspector.inspect(file).audio()).isEmpty();
  }

  @Test
  void pullsAudioOnlyJustAheadOfTheVideo() throws IOException {
    Path file = dir.resolve("interleaved.mp4");
    SineWave sine = new SineWave(44_100, 1, 4.0, 220, 0.3f);
    List<Long> deliveredAfterFrame = new ArrayList<>();
    try (OutputWriter writer = OutputWriter.open(file, TestVideos.mp4(file, W, H, FPS, settings("ultrafast", 23, Optional.empty(), false)), Optional.of(sine))) {
      ByteBuffer rgba = ByteBuffer.allocateDirect(W * H * 4);
      TestVideos.fill(rgba, W, H, 10, 20, 30, 255);
      for (int i = 0; i < 20; i++) {
        writer.writeFrame(rgba);
        deliveredAfterFrame.add(sine.delivered());
      }
      writer.finish();
    }
    for (int i = 0; i < 20; i++) {
      long needed = (long) Math.ceil((i + 1) * 4410.0);
      // At most one AAC frame (1024) plus one read chunk (700) beyond the frame's end time.
      assertThat(deliveredAfterFrame.get(i)).as("after frame %d", i).isBetween(needed, needed + 1024 + 700);
    }
    AudioFacts audio = MediaInspector.inspect(file).audio().orElseThrow();
    assertThat(audio.channels()).isEqualTo(1);
    assertThat(audio.sampleRate()).isEqualTo(44_100);
    assertThat(audio.duration()).isCloseTo(4.0, within(0.025));
    assertThat(MediaInspector.topLevelBoxes(file)).containsSubsequence("mdat", "moov");
  }

  @Test
  void higherCrfGivesASmallerFileAndPresetAndCrfReachX264() throws IOException {
    Path good = writeNoise(dir.resolve("crf18.mp4"), settings("ultrafast", 18, Optional.empty(), false));
    Path poor = writeNoise(dir.resolve("crf40.mp4"), settings("medium", 40, Optional.empty(), false));
    assertThat(Files.size(poor)).isLessThan(Files.size(good) / 2);
    // x264 writes its settings into the stream (an SEI): the preset shows as its subme/me choice.
    assertThat(x264Settings(good)).contains("crf=18.0").contains("subme=0").contains("me=dia");
    assertThat(x264Settings(poor)).contains("crf=40.0").contains("subme=7").contains("me=hex");
  }

  @Test
  void videoBitrateOverridesCrf() throws IOException {
    Path file = writeNoise(dir.resolve("abr.mp4"), settings("veryfast", 18, Optional.of("300k"), false));
    assertThat(x264Settings(file)).contains("rc=abr").contains("bitrate=300").doesNotContain("crf=");
  }

  @Test
  void acceptsHeapBuffers() throws IOException {
    Path file = dir.resolve("heap.mp4");
    try (OutputWriter writer = OutputWriter.open(file, TestVideos.mp4(file, W, H, FPS, TestVideos.crisp()), Optional.empty())) {
      ByteBuffer rgba = ByteBuffer.allocate(W * H * 4);
      TestVideos.fill(rgba, W, H, 200, 40, 90, 255);
      for (int i = 0; i < 3; i++) writer.writeFrame(rgba);
      writer.finish();
    }
    assertThat(MediaInspector.inspect(file).video().orElseThrow().frames()).isEqualTo(3);
    assertThat(MediaInspector.pixel(file, 2, 5, 5)).satisfies(p -> {
      assertThat(p[0]).isCloseTo(200, within(3));
      assertThat(p[1]).isCloseTo(40, within(3));
      assertThat(p[2]).isCloseTo(90, within(3));
    });
  }

  @Test
  void withoutAForcedEncoderUsesTheProbesChoice() throws IOException {
    Path file = dir.resolve("auto.mp4");
    EncodeSettings auto = new EncodeSettings(Optional.empty(), "veryfast", 23, Optional.empty(), "yuv420p", "high", "128k", true);
    try (OutputWriter writer = OutputWriter.open(file, TestVideos.mp4(file, W, H, FPS, auto), Optional.empty())) {
      assertThat(writer.encoderName()).isEqualTo(EncoderProbe.preferred().ffmpegName());
      writer.writeFrame(ByteBuffer.allocateDirect(W * H * 4));
      writer.finish();
    }
    assertThat(MediaInspector.inspect(file).video().orElseThrow().frames()).isEqualTo(1);
  }

  @Test
  void closingWithoutFinishLeavesTheFileAndRejectsLaterFrames() throws IOException {
    Path file = dir.resolve("aborted.mp4");
    OutputWriter writer = OutputWriter.open(file, TestVideos.mp4(file, W, H, FPS, TestVideos.crisp()), Optional.empty());
    ByteBuffer rgba = ByteBuffer.allocateDirect(W * H * 4);
    writer.writeFrame(rgba);
    writer.close();
    writer.close();
    assertThat(file).exists();
    assertThatThrownBy(() -> writer.writeFrame(rgba)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsUnknownEncodersAndSizesX264CannotTake() {
    Path file = dir.resolve("bad.mp4");
    EncodeSettings unknown = new EncodeSettings(Optional.of("h265_magic"), "medium", 18, Optional.empty(), "yuv420p", "high", "128k", true);
    assertThatThrownBy(() -> OutputWriter.open(file, TestVideos.mp4(file, W, H, FPS, unknown), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("h265_magic")
        .hasMessageContaining("libx264");
    // Editly's quirk: odd sizes make x264 fail on yuv420p (e.g. 321x241).
    assertThatThrownBy(() -> OutputWriter.open(file, TestVideos.mp4(file, 65, 113, FPS, TestVideos.crisp()), Optional.empty()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("libx264");
  }

  private Path writeNoise(Path file, EncodeSettings settings) throws IOException {
    Random random = new Random(7);
    return TestVideos.write(TestVideos.mp4(file, W, H, FPS, settings), 10, (i, rgba, w, h) -> {
      for (int p = 0; p < w * h * 4; p++) rgba.put(p, (byte) random.nextInt(256));
    }, Optional.empty());
  }

  /** The options string x264 embeds in its user-data SEI. */
  private static String x264Settings(Path file) throws IOException {
    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    int start = content.indexOf("x264 - core");
    assertThat(start).as("x264 SEI present").isNotNegative();
    return content.substring(start, content.indexOf('\0', start));
  }
}
