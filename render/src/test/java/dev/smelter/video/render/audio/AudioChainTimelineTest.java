package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.Plans.chain;
import static dev.smelter.video.render.audio.Plans.clip;
import static dev.smelter.video.render.audio.Plans.cut;
import static dev.smelter.video.render.audio.Plans.fade;
import static dev.smelter.video.render.audio.Plans.plan;
import static dev.smelter.video.render.audio.Plans.silent;
import static dev.smelter.video.render.audio.Plans.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.AudioPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeline length Σd − Σt, crossfade levels and the output format of the joined clip beds. */
class AudioChainTimelineTest {
  /** One AAC frame: the tolerance the muxed audio has anyway. */
  private static final int AAC_FRAME = 1024;

  @TempDir Path dir;

  @Test
  void silentClipsLastExactlyTheirSummedDurations() throws Exception {
    AudioPlan plan = chain(List.of(silent(0, 2.0), silent(1, 1.5), silent(2, 11.314688)), cut());

    Capture out = render(plan);

    assertThat(plan.duration()).isEqualTo(14.814688, within(1e-9));
    assertLength(out, plan);
    assertThat(out.sampleRate()).isEqualTo(48_000);
    assertThat(out.channels()).isEqualTo(2);
    assertThat(out.rmsDb(0, out.seconds())).isLessThan(-150);
  }

  @Test
  void crossfadesOverlapTheClipsAndShortenTheTimeline() throws Exception {
    AudioPlan plan = plan(List.of(silent(0, 2), silent(1, 3), silent(2, 4)), List.of(fade(0.5), fade(1.0)));

    Capture out = render(plan);

    assertThat(plan.duration()).isEqualTo(7.5);
    assertLength(out, plan);
  }

  @Test
  void fractionalNarratedClipsKeepTheirExactSum() throws Exception {
    Path first = TestWav.sine(dir, "p1.wav", 44_100, 1, 7.340, 0.5, 440);
    Path second = TestWav.sine(dir, "p2.wav", 44_100, 1, 4.493, 0.5, 440);
    // W1: each clip is narration + 0.5 s; Editly then slows the narration to fill the clip.
    AudioPlan plan =
        chain(
            List.of(
                clip(0, 7.840375, source(0, first, 0, 7.340, 7.340 / 7.840375, 1)),
                clip(1, 4.993063, source(1, second, 0, 4.493, 4.493 / 4.993063, 1))),
            cut());

    Capture out = render(plan);

    assertLength(out, plan);
    // Real Editly output of mono narration is 48 kHz mono.
    assertThat(out.sampleRate()).isEqualTo(48_000);
    assertThat(out.channels()).isEqualTo(1);
  }

  @Test
  void crossfadeDipsNeitherClipAtItsMiddleAndBlendsLinearly() throws Exception {
    Path loud = TestWav.sine(dir, "loud.wav", 48_000, 1, 2, 0.5, 440);
    AudioPlan plan =
        plan(
            List.of(clip(0, 2, source(0, loud, 0, 2, 1, 1)), silent(1, 2)),
            List.of(fade(1.0)));

    Capture out = render(plan);

    assertLength(out, plan);
    // Before the fade the sine is intact; tri/tri halves it at the fade's middle (−6 dB);
    // after the fade only the silent clip remains.
    double mono = Capture.sineDb(0.5);
    int channels = out.channels();
    assertThat(out.rmsDb(0.2, 0.9)).isEqualTo(mono - (channels == 2 ? 3.01 : 0), within(0.2));
    assertThat(out.rmsDb(1.45, 1.55)).isEqualTo(mono - 6.02 - (channels == 2 ? 3.01 : 0), within(0.3));
    assertThat(out.rmsDb(2.05, 3.0)).isLessThan(-150);
  }

  @Test
  void bedLayoutFollowsTheFirstClipWhenLayoutsDiffer() throws Exception {
    Path mono = TestWav.sine(dir, "mono.wav", 44_100, 1, 1, 0.5, 440);

    Capture monoFirst = render(chain(List.of(clip(0, 1, source(0, mono, 0, 1, 1, 1)), silent(1, 1)), cut()));
    Capture stereoFirst = render(chain(List.of(silent(0, 1), clip(1, 1, source(1, mono, 0, 1, 1, 1))), cut()));

    assertThat(monoFirst.channels()).isEqualTo(1);
    assertThat(stereoFirst.channels()).isEqualTo(2);
    // ffmpeg's mono→stereo upmix puts the voice at −3 dB on each side.
    assertThat(stereoFirst.rmsDb(1.1, 1.9)).isEqualTo(Capture.sineDb(0.5) - 3.01, within(0.2));
  }

  @Test
  void stereoSourcesStayStereoAt48kHz() throws Exception {
    Path stereo = TestWav.sine(dir, "stereo.wav", 44_100, 2, 1, 0.5, 440);

    Capture out = render(chain(List.of(clip(0, 1, source(0, stereo, 0, 1, 1, 1))), cut()));

    assertThat(out.sampleRate()).isEqualTo(48_000);
    assertThat(out.channels()).isEqualTo(2);
    assertThat(out.rmsDb(0.1, 0.9)).isEqualTo(Capture.sineDb(0.5), within(0.1));
  }

  static Capture render(AudioPlan plan) throws Exception {
    try (PcmStream stream = AudioChain.open(plan)) {
      return Capture.of(stream);
    }
  }

  static void assertLength(Capture out, AudioPlan plan) {
    assertThat((double) out.frames()).isCloseTo(plan.duration() * out.sampleRate(), within((double) AAC_FRAME));
  }
}
