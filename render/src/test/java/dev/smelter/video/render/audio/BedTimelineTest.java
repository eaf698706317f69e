package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.Plans.clip;
import static dev.smelter.video.render.audio.Plans.silent;
import static dev.smelter.video.render.audio.Plans.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.AudioPlan.ClipAudio;
import dev.smelter.video.plan.AudioPlan.Join;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.IntPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting the timeline into several graphs must not change a single sample. */
class BedTimelineTest {
  @TempDir Path dir;

  @Test
  void graphsOfAFewClipsGiveTheSamplesOfOneUnbrokenChain() throws Exception {
    List<ClipAudio> clips = new ArrayList<>();
    List<Join> joins = new ArrayList<>();
    String[] curves = {"tri", "qsin", "exp", "log"};
    for (int i = 0; i < 11; i++) {
      Path voice = TestWav.sine(dir, "v" + i + ".wav", i % 2 == 0 ? 44_100 : 48_000, 1, 0.9, 0.5, 200 + 50 * i);
      clips.add(i == 4 ? silent(i, 0.7) : clip(i, 1.0, source(i, voice, 0, 0.9, 0.9, 1)));
      if (i > 0) {
        // Fades of different lengths, a hard cut among them; curves vary.
        joins.add(new Join(i == 6 ? 0 : 0.05 * (i % 4 + 1), curves[i % 4], curves[(i + 1) % 4]));
      }
    }

    int[] unbroken = render(clips, joins, 100);
    int[] byThrees = render(clips, joins, 3);
    int[] single = render(clips, joins, 1);

    assertThat(unbroken.length).isGreaterThan(48_000 * 8);
    assertThat(byThrees).isEqualTo(unbroken);
    assertThat(single).isEqualTo(unbroken);
  }

  private static int[] render(List<ClipAudio> clips, List<Join> joins, int clipsPerGraph) throws Exception {
    ClipBeds beds = new ClipBeds(new AudioInputs());
    DecodedFormat format = beds.formatOf(clips.getFirst());
    int[] samples = new int[0];
    int count = 0;
    try (BedTimeline timeline = new BedTimeline(clips, joins, beds, format, clipsPerGraph)) {
      AVFrame frame;
      while ((frame = timeline.next()) != null) {
        int n = frame.nb_samples() * format.channels();
        if (count + n > samples.length) {
          samples = Arrays.copyOf(samples, Math.max(count + n, samples.length * 2));
        }
        new IntPointer(frame.data(0)).get(samples, count, n);
        count += n;
      }
    }
    return Arrays.copyOf(samples, count);
  }
}
