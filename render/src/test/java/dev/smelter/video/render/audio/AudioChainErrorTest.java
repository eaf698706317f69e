package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.Plans.chain;
import static dev.smelter.video.render.audio.Plans.clip;
import static dev.smelter.video.render.audio.Plans.cut;
import static dev.smelter.video.render.audio.Plans.plan;
import static dev.smelter.video.render.audio.Plans.silent;
import static dev.smelter.video.render.audio.Plans.source;
import static dev.smelter.video.render.audio.Plans.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.AudioPlan.Join;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable inputs and bad values fail at open() with the spec path; close() is safe. */
class AudioChainErrorTest {
  @TempDir Path dir;

  @Test
  void aMissingSourceNamesItsSpecPath() {
    Path missing = dir.resolve("nope.wav");
    AudioPlan plan = chain(List.of(silent(0, 1), clip(1, 1, source(1, missing, 0, 1, 1, 1))), cut());

    assertThatThrownBy(() -> AudioChain.open(plan))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("clips[1].layers[0]")
        .hasMessageContaining("nope.wav");
  }

  @Test
  void anUndecodableTrackNamesItsSpecPath() throws Exception {
    Path garbage = Files.write(dir.resolve("garbage.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    AudioPlan plan =
        plan(List.of(silent(0, 1)), List.of(), List.of(track(garbage, 1, 0, false)), 1, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> AudioChain.open(plan))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("audioTracks[0]")
        .hasMessageContaining("garbage.mp3");
  }

  @Test
  void anUnknownCrossfadeCurveIsRejected() {
    AudioPlan plan = Plans.plan(List.of(silent(0, 1), silent(1, 1)), List.of(new Join(0.2, "wobble", "tri")));

    assertThatThrownBy(() -> AudioChain.open(plan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("curve1=wobble");
  }

  @Test
  void joinsMustMatchTheClips() {
    AudioPlan plan = Plans.plan(List.of(silent(0, 1), silent(1, 1)), List.of());

    assertThatThrownBy(() -> AudioChain.open(plan)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingMidStreamFreesEverythingAndIsIdempotent() throws Exception {
    Path voice = TestWav.sine(dir, "v.wav", 48_000, 1, 3, 0.5, 440);
    PcmStream stream = AudioChain.open(chain(List.of(clip(0, 3, source(0, voice, 0, 3, 1, 1))), cut()));
    float[] buffer = new float[1024];

    assertThat(stream.read(buffer)).isEqualTo(1024);
    stream.close();
    stream.close();
    assertThatThrownBy(() -> stream.read(buffer)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsReturnMinusOneOnceEnded() throws Exception {
    try (PcmStream stream = AudioChain.open(chain(List.of(silent(0, 0.05)), cut()))) {
      float[] buffer = new float[4096 * stream.channels()];
      assertThat(stream.read(buffer)).isEqualTo(2400);
      assertThat(stream.read(buffer)).isEqualTo(-1);
      assertThat(stream.read(buffer)).isEqualTo(-1);
    }
  }

  @Test
  void optionValuesAreWrittenPlainly() {
    assertThat(OptionText.seconds(0.0001)).isEqualTo("0.0001");
    assertThat(OptionText.seconds(11.314688)).isEqualTo("11.314688");
    assertThat(OptionText.number(3.0)).isEqualTo("3");
    assertThat(ClipBeds.tempoSteps(0.8)).containsExactly(0.8);
    List<Double> slow = ClipBeds.tempoSteps(0.3);
    assertThat(slow).hasSize(2).allSatisfy(f -> assertThat(f).isBetween(0.5, 1.0));
    assertThat(slow.get(0) * slow.get(1)).isCloseTo(0.3, within(1e-12));
  }
}
