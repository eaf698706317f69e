package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.Plans.clip;
import static dev.smelter.video.render.audio.Plans.fade;
import static dev.smelter.video.render.audio.Plans.plan;
import static dev.smelter.video.render.audio.Plans.source;
import static dev.smelter.video.render.audio.Plans.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.AudioPlan.ClipAudio;
import dev.smelter.video.plan.AudioPlan.Join;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Long timelines stream through one graph holding only the decoders around the playhead. */
class AudioChainScaleTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void fortyNarratedClipsStreamWithAHandfulOfOpenDecoders() throws Exception {
    List<Path> narrations = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      narrations.add(TestWav.sine(dir, "n" + i + ".wav", 44_100, 1, 1.2, 0.5, 300 + 10 * i));
    }
    Path music = TestWav.floatSine(dir, "music.mp3.wav", 44_100, 2, 5.0, 0.5, 220);
    List<ClipAudio> clips = new ArrayList<>();
    List<Join> joins = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      clips.add(clip(i, 1.5, source(i, narrations.get(i), 0, 1.2, 0.8, 1)));
      if (i > 0) {
        joins.add(fade(0.3));
      }
    }
    AudioPlan plan = plan(clips, joins, List.of(track(music, 1, 0, true)), 1, Optional.empty(), Optional.empty());

    long started = System.nanoTime();
    long frames = 0;
    int peakDecoders;
    try (PcmStream stream = AudioChain.open(plan)) {
      float[] buffer = new float[1024 * stream.channels()];
      int read;
      while ((read = stream.read(buffer)) >= 0) {
        frames += read;
      }
      peakDecoders = ((GraphPcmStream) stream).peakOpenFiles();
      assertThat(stream.sampleRate()).isEqualTo(44_100);
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(plan.duration()).isEqualTo(40 * 1.5 - 39 * 0.3, within(1e-9));
    assertThat((double) frames).isCloseTo(plan.duration() * 44_100, within(1024.0));
    // Two beds meet in a crossfade, plus the looping track.
    assertThat(peakDecoders).isLessThanOrEqualTo(3);
    assertThat(seconds).isLessThan(20);
  }
}
