package dev.smelter.video.render.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.VideoFrameReader.Fit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegVideoReaderTest {
  private static final Rational TEN = new Rational(10, 1);

  @TempDir Path dir;

  /**
   * 2 s at 10 fps, 64x112, frame i coloured so that {@link TestVideos#indexOf} recovers i; with an
   * audio stream the reader has to skip.
   */
  private Path source;

  @BeforeEach
  void writeSource() throws IOException {
    source = TestVideos.write(dir.resolve("source.mp4"), 64, 112, TEN, 20, TestVideos.indexColours(),
        Optional.of(new SineWave(48_000, 2, 2.0, 440, 0.5f)));
  }

  @Test
  void cutAndSlowDownRepeatEachSourceFrame() throws IOException {
    // Editly: -ss 0.5 -t (1.5-0.5)*2 -vf setpts=2*PTS,fps=10 → source frames 5..14, each twice.
    List<Integer> frames = readAll(FfmpegVideoReader.open(source, 0.5, 1.5, 2.0, TEN, 64, 112, Fit.STRETCH));
    List<Integer> expected = new ArrayList<>();
    for (int i = 5; i < 15; i++) {
      expected.add(i);
      expected.add(i);
    }
    assertThat(frames).isEqualTo(expected);
  }

  @Test
  void speedingUpSkipsFrames() throws IOException {
    // setpts=0.5*PTS plays 2 s in 1 s: every other source frame.
    assertThat(readAll(FfmpegVideoReader.open(source, 0, 2, 0.5, TEN, 64, 112, Fit.STRETCH)))
        .containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
  }

  @Test
  void higherOutputRateDuplicatesUpToTheEndOfTheLastFrame() throws IOException {
    List<Integer> frames = readAll(FfmpegVideoReader.open(source, 0, 2, 1.0, new Rational(30, 1), 64, 112, Fit.STRETCH));
    assertThat(frames).hasSize(60);
    assertThat(frames.subList(0, 6)).containsExactly(0, 0, 0, 1, 1, 1);
    assertThat(frames.subList(57, 60)).containsExactly(19, 19, 19);
  }

  @Test
  void runsOutAtTheEndOfTheFileAndStaysOut() throws IOException {
    try (FfmpegVideoReader reader = FfmpegVideoReader.open(source, 1.0, 5.0, 1.0, TEN, 64, 112, Fit.STRETCH)) {
      ByteBuffer frame = ByteBuffer.allocateDirect(64 * 112 * 4);
      int count = 0;
      int last = -1;
      while (reader.read(frame)) {
        last = TestVideos.indexOf(frame.get(0) & 0xff);
        count++;
      }
      assertThat(count).isEqualTo(10);
      assertThat(last).isEqualTo(19);
      assertThat(TestVideos.indexOf(frame.get(0) & 0xff)).as("the buffer keeps the last frame").isEqualTo(19);
      assertThat(reader.read(frame)).isFalse();
    }
    try (FfmpegVideoReader pastTheEnd = FfmpegVideoReader.open(source, 3.0, 4.0, 1.0, TEN, 64, 112, Fit.STRETCH)) {
      assertThat(pastTheEnd.read(ByteBuffer.allocateDirect(64 * 112 * 4))).isFalse();
    }
  }

  @Test
  void slowingDownToTheEndOfTheFileKeepsTheLastFramesFullLength() throws IOException {
    // The input ends at 2.0 s = 4.0 s after setpts; fps fills up to that end, so 19 shows twice.
    List<Integer> frames = readAll(FfmpegVideoReader.open(source, 1.0, 2.0, 2.0, TEN, 64, 112, Fit.STRETCH));
    assertThat(frames).hasSize(20);
    assertThat(frames.subList(0, 2)).containsExactly(10, 10);
    assertThat(frames.subList(18, 20)).containsExactly(19, 19);
  }

  @Test
  void seeksFarIntoALongFileWithBFrames() throws IOException {
    // 30 s; "medium" uses B-frames, so decode order differs from display order.
    Path longFile = TestVideos.write(
        TestVideos.mp4(dir.resolve("long.mp4"), 64, 112, TEN,
            new EncodeSettings(Optional.of("libx264"), "medium", 4, Optional.empty(), "yuv420p", "high", "128k", false)),
        300, TestVideos.wideIndexColours(), Optional.empty());
    List<Integer> frames = new ArrayList<>();
    try (FfmpegVideoReader reader = FfmpegVideoReader.open(longFile, 26.0, 27.0, 1.0, TEN, 64, 112, Fit.STRETCH)) {
      ByteBuffer frame = ByteBuffer.allocateDirect(64 * 112 * 4);
      while (reader.read(frame)) frames.add(TestVideos.wideIndexOf(frame.get(0) & 0xff, frame.get(1) & 0xff));
    }
    assertThat(frames).containsExactly(260, 261, 262, 263, 264, 265, 266, 267, 268, 269);
  }

  @Test
  void frameLimitFollowsFfmpegsOutputDuration() {
    assertThat(FfmpegVideoReader.frameLimit(2.0, TEN)).isEqualTo(20);
    assertThat(FfmpegVideoReader.frameLimit(1.04, TEN)).isEqualTo(10);
    assertThat(FfmpegVideoReader.frameLimit(1.05, TEN)).isEqualTo(11);
    assertThat(FfmpegVideoReader.frameLimit(3.0, new Rational(30000, 1001))).isEqualTo(90);
    assertThat(FfmpegVideoReader.frameLimit(Double.POSITIVE_INFINITY, TEN)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void fitsSizesTheOutput() throws IOException {
    try (FfmpegVideoReader inside = FfmpegVideoReader.open(source, 0, 1, 1, TEN, 100, 100, Fit.INSIDE);
        FfmpegVideoReader cover = FfmpegVideoReader.open(source, 0, 1, 1, TEN, 100, 100, Fit.COVER);
        FfmpegVideoReader stretch = FfmpegVideoReader.open(source, 0, 1, 1, TEN, 100, 100, Fit.STRETCH)) {
      assertThat(new int[] {inside.width(), inside.height()}).containsExactly(57, 100);
      assertThat(new int[] {cover.width(), cover.height()}).containsExactly(100, 100);
      assertThat(new int[] {stretch.width(), stretch.height()}).containsExactly(100, 100);
      for (FfmpegVideoReader reader : List.of(inside, cover, stretch)) {
        ByteBuffer frame = ByteBuffer.allocateDirect(reader.width() * reader.height() * 4);
        assertThat(reader.read(frame)).isTrue();
        assertThat(frame.get(0) & 0xff).isCloseTo(TestVideos.level(0), within(3));
        assertThat(frame.get(3) & 0xff).as("opaque").isEqualTo(255);
      }
    }
  }

  @Test
  void coverCropsTheCentre() throws IOException {
    // 64x112, top half red, bottom half blue; covering 100x50 scales to 100x175 and keeps rows 62..112.
    Path halves = TestVideos.write(dir.resolve("halves.mp4"), 64, 112, TEN, 3, TestVideos.topRedBottomBlue(), Optional.empty());
    try (FfmpegVideoReader reader = FfmpegVideoReader.open(halves, 0, 0.3, 1, TEN, 100, 50, Fit.COVER)) {
      ByteBuffer frame = ByteBuffer.allocate(100 * 50 * 4);
      assertThat(reader.read(frame)).isTrue();
      assertThat(rgbaAt(frame, 100, 50, 4)).satisfies(p -> assertThat(p[0]).isGreaterThan(200));
      assertThat(rgbaAt(frame, 100, 50, 45)).satisfies(p -> assertThat(p[2]).isGreaterThan(200));
    }
  }

  @Test
  void appliesTheDisplayRotation() throws IOException {
    // Stored 112x64 with red top / blue bottom, "rotation -90": displayed 64x112 turned clockwise,
    // so the stored top (red) ends up on the right.
    Path stored = TestVideos.write(dir.resolve("stored.mp4"), 112, 64, TEN, 3, TestVideos.topRedBottomBlue(), Optional.empty());
    Path portrait = TestVideos.rotated(stored, dir.resolve("portrait.mp4"), -90);
    try (FfmpegVideoReader reader = FfmpegVideoReader.open(portrait, 0, 0.3, 1, TEN, 64, 112, Fit.INSIDE)) {
      assertThat(new int[] {reader.width(), reader.height()}).containsExactly(64, 112);
      ByteBuffer frame = ByteBuffer.allocateDirect(64 * 112 * 4);
      assertThat(reader.read(frame)).isTrue();
      assertThat(rgbaAt(frame, 64, 60, 56)[0]).as("right is red").isGreaterThan(200);
      assertThat(rgbaAt(frame, 64, 4, 56)[2]).as("left is blue").isGreaterThan(200);
    }
  }

  @Test
  void keepsWebmAlpha() throws IOException {
    Path webm = TestVideos.webmWithAlpha(dir.resolve("alpha.webm"), 64, 112, TEN, 5, 0, 255, 0, 128);
    try (FfmpegVideoReader reader = FfmpegVideoReader.open(webm, 0, 0.5, 1, TEN, 32, 56, Fit.STRETCH)) {
      ByteBuffer frame = ByteBuffer.allocateDirect(32 * 56 * 4);
      int frames = 0;
      while (reader.read(frame)) {
        int[] p = rgbaAt(frame, 32, 16, 28);
        assertThat(p[1]).isCloseTo(255, within(6));
        assertThat(p[3]).as("alpha").isCloseTo(128, within(6));
        frames++;
      }
      assertThat(frames).isEqualTo(5);
    }
  }

  @Test
  void rejectsBadCutsAndMissingFiles() {
    assertThatThrownBy(() -> FfmpegVideoReader.open(source, 1.5, 1.0, 1, TEN, 64, 112, Fit.COVER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cutFrom must be lower than cutTo");
    assertThatThrownBy(() -> FfmpegVideoReader.open(dir.resolve("missing.mp4"), 0, 1, 1, TEN, 64, 112, Fit.COVER))
        .isInstanceOf(IOException.class).hasMessageContaining("missing.mp4");
  }

  private static List<Integer> readAll(FfmpegVideoReader reader) {
    List<Integer> indices = new ArrayList<>();
    try (reader) {
      ByteBuffer frame = ByteBuffer.allocateDirect(reader.width() * reader.height() * 4);
      while (reader.read(frame)) indices.add(TestVideos.indexOf(frame.get(0) & 0xff));
    }
    return indices;
  }

  private static int[] rgbaAt(ByteBuffer frame, int width, int x, int y) {
    int o = (y * width + x) * 4;
    return new int[] {frame.get(o) & 0xff, frame.get(o + 1) & 0xff, frame.get(o + 2) & 0xff, frame.get(o + 3) & 0xff};
  }
}
