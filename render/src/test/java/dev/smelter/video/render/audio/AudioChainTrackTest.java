package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.AudioChainTimelineTest.assertLength;
import static dev.smelter.video.render.audio.AudioChainTimelineTest.render;
import static dev.smelter.video.render.audio.Capture.sineDb;
import static dev.smelter.video.render.audio.Plans.clip;
import static dev.smelter.video.render.audio.Plans.cut;
import static dev.smelter.video.render.audio.Plans.plan;
import static dev.smelter.video.render.audio.Plans.silent;
import static dev.smelter.video.render.audio.Plans.source;
import static dev.smelter.video.render.audio.Plans.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.AudioPlan.Normalization;
import dev.smelter.video.plan.AudioPlan.Track;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audioFilePath / audioTracks / detached-audio mixed over the clip bed (Editly's final amix). */
class AudioChainTrackTest {
  private static final double A = 0.5;
  /** amix with two inputs of weight 1: each is halved. */
  private static final double HALF = 20 * Math.log10(0.5);

  @TempDir Path dir;
  private Path music;

  @BeforeEach
  void music() {
    music = TestWav.sine(dir, "music.wav", 44_100, 2, 6.0, A, 440);
  }

  @Test
  void musicNextToTheSilentBedIsSixDecibelsQuieter() throws Exception {
    AudioPlan plan = withTracks(List.of(track(music, 1, 0, false)), 1, Optional.empty(), Optional.empty());

    Capture out = render(plan);

    assertLength(out, plan);
    assertThat(out.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + HALF, within(0.3));
    // 16-bit WAV decodes to integers: the bed (48 kHz stereo) sets the mix format.
    assertThat(out.sampleRate()).isEqualTo(48_000);
    assertThat(out.channels()).isEqualTo(2);
  }

  @Test
  void aFloatDecodedTrackSetsTheOutputRateAndLayoutLikeEditlysMp3() throws Exception {
    // ffmpeg 5.1 mixes at the first float-decoded track's format (MP3/AAC in practice).
    Path floatMono = TestWav.floatSine(dir, "f.wav", 44_100, 1, 6.0, A, 440);
    Path intMono = TestWav.sine(dir, "i.wav", 44_100, 1, 6.0, A, 440);

    Capture led = render(withTracks(List.of(track(floatMono, 1, 0, false)), 1, Optional.empty(), Optional.empty()));
    Capture notLed = render(withTracks(List.of(track(intMono, 1, 0, false)), 1, Optional.empty(), Optional.empty()));

    assertThat(led.sampleRate()).isEqualTo(44_100);
    assertThat(led.channels()).isEqualTo(1);
    assertThat(led.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + HALF, within(0.3));
    assertThat(notLed.sampleRate()).isEqualTo(48_000);
    assertThat(notLed.channels()).isEqualTo(2);
    // mono upmixed into the stereo bed's layout: −3 dB per channel on top of amix's halving.
    assertThat(notLed.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + HALF - 3.01, within(0.3));
  }

  @Test
  void weightsScaleLikeAmixWeights() throws Exception {
    Capture louderMusic = render(withTracks(List.of(track(music, 3, 0, false)), 1, Optional.empty(), Optional.empty()));
    Capture louderBed = render(withTracks(List.of(track(music, 1, 0, false)), 3, Optional.empty(), Optional.empty()));

    assertThat(louderMusic.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + 20 * Math.log10(3.0 / 4), within(0.3));
    assertThat(louderBed.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + 20 * Math.log10(1.0 / 4), within(0.3));
  }

  @Test
  void outputVolumeTakesDecibelsOrAFactor() throws Exception {
    Capture minus10 = render(withTracks(List.of(track(music, 1, 0, false)), 1, Optional.of("-10dB"), Optional.empty()));
    Capture half = render(withTracks(List.of(track(music, 1, 0, false)), 1, Optional.of("0.5"), Optional.empty()));

    assertThat(minus10.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + HALF - 10, within(0.3));
    assertThat(half.rmsDb(0.5, 3.5)).isEqualTo(sineDb(A) + HALF + HALF, within(0.3));
  }

  @Test
  void normalisationLiftsTheHalvedMusic() throws Exception {
    Capture out =
        render(withTracks(List.of(track(music, 1, 0, false)), 1, Optional.empty(), Optional.of(new Normalization(5, 30))));

    assertThat(out.rmsDb(2.5, 3.9)).isGreaterThan(sineDb(A) + HALF + 3);
  }

  @Test
  void aLoopingTrackRepeatsUntilTheBedEnds() throws Exception {
    Path jingle = TestWav.sine(dir, "jingle.wav", 48_000, 2, 0.5, A, 440);

    Capture looped = render(withTracks(List.of(track(jingle, 1, 0, true)), 1, Optional.empty(), Optional.empty()));
    Capture once = render(withTracks(List.of(track(jingle, 1, 0, false)), 1, Optional.empty(), Optional.empty()));

    assertThat(looped.rmsDb(3.0, 3.9)).isEqualTo(sineDb(A) + HALF, within(0.3));
    assertThat(once.rmsDb(0.1, 0.4)).isEqualTo(sineDb(A) + HALF, within(0.3));
    assertThat(once.rmsDb(0.6, 3.9)).isLessThan(-120);
  }

  @Test
  void aDetachedTrackStartsAtItsOffsetFlooredToTheMillisecond() throws Exception {
    Capture out = render(withTracks(List.of(track(music, 1, 1.2507, false)), 1, Optional.empty(), Optional.empty()));

    assertThat(out.rmsDb(0, 1.24)).isLessThan(-120);
    assertThat(out.onset(0.01)).isEqualTo(1.250, within(0.0005));
  }

  @Test
  void trackCutsApplyOnTheFilesOwnClock() throws Exception {
    // 0–1 s loud, then quiet: cutFrom 1 starts on the quiet part, cutTo 1.5 ends it 0.5 s later.
    Path steps =
        TestWav.write(dir.resolve("steps.wav"), 48_000, 2, 3.0,
            t -> (t >= 1 ? 0.1 : A) * Math.sin(2 * Math.PI * 440 * t));
    Track cut = new Track("audioTracks[1]", steps, 1, 1.0, OptionalDouble.of(1.5), 0, false);

    Capture out = render(withTracks(List.of(cut), 1, Optional.empty(), Optional.empty()));

    assertThat(out.rmsDb(0.05, 0.45)).isEqualTo(sineDb(0.1) + HALF, within(0.3));
    assertThat(out.rmsDb(0.51, 3.9)).isLessThan(-120);
  }

  @Test
  void narrationAndMusicBothSoundAndTheBedDecidesTheLength() throws Exception {
    Path narration = TestWav.sine(dir, "n.wav", 44_100, 1, 1.5, A, 1000);
    AudioPlan plan =
        plan(
            List.of(clip(0, 2.0, source(0, narration, 0, 1.5, 1, 1)), silent(1, 2.0)),
            List.of(cut()),
            List.of(track(music, 1, 0, false)),
            1,
            Optional.empty(),
            Optional.empty());

    Capture out = render(plan);

    assertLength(out, plan);
    // Mono bed, integer track: the bed's 48 kHz mono wins; the stereo music is downmixed to
    // mono (+3 dB for identical channels), both halved by amix; the two tones add in power.
    assertThat(out.sampleRate()).isEqualTo(48_000);
    assertThat(out.channels()).isEqualTo(1);
    double voice = sineDb(A) + HALF;
    double musicDownmixed = sineDb(A) + 3.01 + HALF;
    double together = 10 * Math.log10(Math.pow(10, voice / 10) + Math.pow(10, musicDownmixed / 10));
    assertThat(out.rmsDb(2.2, 3.8)).isEqualTo(musicDownmixed, within(0.3));
    assertThat(out.rmsDb(0.2, 1.4)).isEqualTo(together, within(0.3));
  }

  private static AudioPlan withTracks(
      List<Track> tracks, double clipsAudioVolume, Optional<String> outputVolume, Optional<Normalization> norm) {
    return plan(List.of(silent(0, 2.0), silent(1, 2.0)), List.of(cut()), tracks, clipsAudioVolume, outputVolume, norm);
  }
}
