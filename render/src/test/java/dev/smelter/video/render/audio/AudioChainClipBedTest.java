package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.AudioChainTimelineTest.assertLength;
import static dev.smelter.video.render.audio.AudioChainTimelineTest.render;
import static dev.smelter.video.render.audio.Capture.sineDb;
import static dev.smelter.video.render.audio.Plans.chain;
import static dev.smelter.video.render.audio.Plans.clip;
import static dev.smelter.video.render.audio.Plans.cut;
import static dev.smelter.video.render.audio.Plans.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.AudioPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One clip's bed: retiming, padding, cutting and mixing of its sources. */
class AudioChainClipBedTest {
  private static final double A = 0.5;

  @TempDir Path dir;

  @Test
  void stretchedNarrationFillsItsClip() throws Exception {
    // W1: 2.0 s narration, clip = narration + 0.5 s, tempo = 2.0 / 2.5 slows it to fill the clip.
    Path narration = TestWav.sine(dir, "n.wav", 44_100, 1, 2.0, A, 440);
    AudioPlan plan = single(clip(0, 2.5, source(0, narration, 0, 2.0, 0.8, 1)));

    Capture out = render(plan);

    assertLength(out, plan);
    assertThat(out.channels()).isEqualTo(1);
    assertThat(out.end(0.05)).isBetween(2.45, 2.5);
    assertThat(out.rmsDb(0.2, 2.3)).isEqualTo(sineDb(A), within(0.5));
  }

  @Test
  void retimingMovesAPauseInsideTheNarration() throws Exception {
    // Sound 0–1.0 s, pause 1.0–1.2 s, sound 1.2–2.0 s; at tempo 0.8 the pause lies at 1.25–1.5 s.
    Path narration =
        TestWav.write(dir.resolve("gap.wav"), 44_100, 1, 2.0,
            t -> t >= 1.0 && t < 1.2 ? 0 : A * Math.sin(2 * Math.PI * 440 * t));
    Capture out = render(single(clip(0, 2.5, source(0, narration, 0, 2.0, 0.8, 1))));

    assertThat(out.rmsDb(1.0, 1.2)).isEqualTo(sineDb(A), within(0.5));
    assertThat(out.rmsDb(1.29, 1.46)).isLessThan(-40);
    assertThat(out.rmsDb(1.55, 2.4)).isEqualTo(sineDb(A), within(0.5));
  }

  @Test
  void paddedNarrationPlaysAtNormalSpeedThenSilence() throws Exception {
    // Timing.PAD reaches us as tempo 1: the bed pads the 2.0 s narration to the 2.5 s clip.
    Path narration = TestWav.sine(dir, "n.wav", 44_100, 1, 2.0, A, 440);
    AudioPlan plan = single(clip(0, 2.5, source(0, narration, 0, 2.0, 1, 1)));

    Capture out = render(plan);

    assertLength(out, plan);
    assertThat(out.end(0.01)).isEqualTo(2.0, within(0.002));
    assertThat(out.rmsDb(0.1, 1.9)).isEqualTo(sineDb(A), within(0.1));
    assertThat(out.rmsDb(2.01, 2.5)).isLessThan(-120);
  }

  @Test
  void cutFromAndCutToSelectTheSourceRange() throws Exception {
    // 0–1 s loud, 1–2 s quiet, 2–3 s loud: the clip plays only the quiet second.
    Path file =
        TestWav.write(dir.resolve("steps.wav"), 48_000, 1, 3.0,
            t -> (t >= 1 && t < 2 ? 0.1 : A) * Math.sin(2 * Math.PI * 440 * t));
    AudioPlan plan = single(clip(0, 1.0, source(0, file, 1.0, 2.0, 1, 1)));

    Capture out = render(plan);

    assertLength(out, plan);
    assertThat(out.rmsDb(0.02, 0.98)).isEqualTo(sineDb(0.1), within(0.2));
  }

  @Test
  void aSingleSourceIgnoresItsMixVolume() throws Exception {
    Path voice = TestWav.sine(dir, "v.wav", 48_000, 1, 1.0, A, 440);

    Capture out = render(single(clip(0, 1.0, source(0, voice, 0, 1.0, 1, 0.25))));

    assertThat(out.rmsDb(0.1, 0.9)).isEqualTo(sineDb(A), within(0.1));
  }

  @Test
  void twoSourcesAreMixedWithAmixWeights() throws Exception {
    Path voice = TestWav.sine(dir, "v.wav", 48_000, 1, 2.0, A, 440);
    Path quiet = TestWav.silence(dir, "q.wav", 44_100, 1, 2.0);

    Capture equal = render(single(clip(0, 2, source(0, voice, 0, 2, 1, 1), source(0, quiet, 0, 2, 1, 1))));
    Capture weighted = render(single(clip(0, 2, source(0, voice, 0, 2, 1, 3), source(0, quiet, 0, 2, 1, 1))));

    // amix scales each input by its weight over the sum of active weights.
    assertThat(equal.rmsDb(0.2, 1.8)).isEqualTo(sineDb(A) - 6.02, within(0.2));
    assertThat(weighted.rmsDb(0.2, 1.8)).isEqualTo(sineDb(A) + 20 * Math.log10(0.75), within(0.2));
  }

  @Test
  void theLongestSourceCarriesOnLouderOnceAShorterOneEnds() throws Exception {
    // Editly's clip amix keeps the default dropout_transition (2 s): the remaining source
    // fades back up from half level after the shorter one stops at 1 s.
    Path voice = TestWav.sine(dir, "v.wav", 48_000, 1, 3.0, A, 440);
    Path shortQuiet = TestWav.silence(dir, "q.wav", 48_000, 1, 1.0);

    Capture out = render(single(clip(0, 3, source(0, voice, 0, 3, 1, 1), source(0, shortQuiet, 0, 1, 1, 1))));

    assertThat(out.rmsDb(0.2, 0.9)).isEqualTo(sineDb(A) - 6.02, within(0.2));
    assertThat(out.rmsDb(2.8, 3.0)).isGreaterThan(out.rmsDb(0.2, 0.9) + 3);
  }

  @Test
  void mixedSourcesTakeTheFirstSourcesLayout() throws Exception {
    Path mono = TestWav.sine(dir, "m.wav", 44_100, 1, 1.0, A, 440);
    Path stereo = TestWav.silence(dir, "s.wav", 48_000, 2, 1.0);

    Capture monoFirst = render(single(clip(0, 1, source(0, mono, 0, 1, 1, 1), source(0, stereo, 0, 1, 1, 1))));
    Capture stereoFirst = render(single(clip(0, 1, source(0, stereo, 0, 1, 1, 1), source(0, mono, 0, 1, 1, 1))));

    assertThat(monoFirst.channels()).isEqualTo(1);
    assertThat(stereoFirst.channels()).isEqualTo(2);
    assertThat(monoFirst.sampleRate()).isEqualTo(48_000);
  }

  private static AudioPlan single(dev.smelter.video.plan.AudioPlan.ClipAudio clip) {
    return chain(List.of(clip), cut());
  }
}
