package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.RenderPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editly retimes clip audio to the clip with atempo (tempo = cut length / clip duration) and, when
 * that falls outside atempo's 0.5–100×, plays silence for the clip (Editly 0.14.2, audio.js).
 */
class AudioRetimingTest {
  @TempDir Path dir;

  private RenderPlan plan(PlanOptions options, String audioLayer) throws Exception {
    FakeMedia media = new FakeMedia(dir).audio("short.wav", 0.4).audio("voice.wav", 2).audio("long.wav", 200);
    return new Planner(options.withBaseDir(dir).withSeed(1), media).plan("""
        {width: 64, height: 112, fps: 10, keepSourceAudio: true, defaults: {transition: null},
         clips: [{duration: 1, layers: [{type: 'pause'}, %s]}]}""".formatted(audioLayer));
  }

  private RenderPlan plan(String audioLayer) throws Exception {
    return plan(PlanOptions.defaults(), audioLayer);
  }

  private static AudioPlan.ClipAudio bed(RenderPlan p) {
    return p.audio().orElseThrow().clips().get(0);
  }

  @Test
  void narrationWithinHalfToHundredTimesIsRetimedToTheClip() throws Exception {
    RenderPlan p = plan("{type: 'audio', path: 'voice.wav', cutTo: 2}");
    assertThat(bed(p).sources()).singleElement().satisfies(s -> assertThat(s.tempo()).isCloseTo(2, within(1e-9)));
    assertThat(p.warnings()).isEmpty();
  }

  @Test
  void belowHalfSpeedTheClipIsSilentWithAWarning() throws Exception {
    // a 0.4 s file in a 1 s clip: tempo 0.4; the only clip is then silent, so Editly writes no
    // audio stream at all (OutputArgsAndFlagsTest): the silent track keeps the bed to look at
    RenderPlan p = plan(PlanOptions.defaults().withSilentAudioTrack(true), "{type: 'audio', path: 'short.wav'}");
    assertThat(bed(p).sources()).isEmpty();
    assertThat(bed(p).duration()).as("the clip keeps its length, in silence").isEqualTo(1);
    assertThat(p.warnings()).singleElement().asString()
        .startsWith("clips[0].layers[1]: audio speed 0.400× is outside 0.5–100×, so Editly plays silence for this clip");
  }

  @Test
  void aboveHundredTimesTheClipIsSilentWithAWarning() throws Exception {
    RenderPlan p = plan(PlanOptions.defaults().withSilentAudioTrack(true), "{type: 'audio', path: 'long.wav', cutTo: 150}");
    assertThat(bed(p).sources()).isEmpty();
    assertThat(p.warnings()).singleElement().asString().contains("audio speed 150.000× is outside 0.5–100×");
  }

  @Test
  void padTimingKeepsNarrationAtNormalSpeedInsteadOfSilence() throws Exception {
    RenderPlan p = plan(PlanOptions.defaults().withAudioTiming(AudioPlan.Timing.PAD), "{type: 'audio', path: 'short.wav'}");
    assertThat(bed(p).sources()).singleElement().satisfies(s -> {
      assertThat(s.tempo()).isEqualTo(1);
      assertThat(s.cutTo()).isEqualTo(0.4);
    });
    assertThat(p.warnings()).isEmpty();
  }
}
