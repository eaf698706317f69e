package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.FontRef;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.TransitionPlan;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import dev.smelter.video.spec.SpecException;
import dev.smelter.video.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Each of Editly's CLI flags, by its effect on the plan (cli.js of Editly 0.14.2). */
class EditlyFlagsTest {
  @TempDir Path dir;

  @Command
  static final class Flags {
    @Mixin EditlyFlags editly = new EditlyFlags();
  }

  private RenderPlan plan(String spec, String... flags) throws Exception {
    Flags parsed = new Flags();
    new CommandLine(parsed).parseArgs(flags);
    return new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(3), new FfmpegProbe())
        .plan(parsed.editly.applyTo(SpecReader.parse(spec), Optional.empty()));
  }

  private static final String PAUSE = "{ width: 64, height: 112, fps: 10, clips: [ { duration: 1, layers: [{ type: 'pause' }] } ] }";

  @Test
  void fastIsEditlysPreviewSizeRateAndPreset() throws Exception {
    RenderPlan p = plan(PAUSE, "--fast");
    assertThat(p.output().width()).isEqualTo(188); // 250·√(64/112), even
    assertThat(p.output().height()).isEqualTo(330);
    assertThat(p.output().fps()).isEqualTo(new Rational(15, 1));
    assertThat(p.output().encode().preset()).isEqualTo("ultrafast");
    assertThat(p.totalFrames()).isEqualTo(15);
    assertThat(plan(PAUSE, "-f").output().width()).isEqualTo(188);
    assertThat(plan(PAUSE).output().width()).isEqualTo(64);
  }

  @Test
  void audioFilePathLoopAudioAndOutputVolumeSetTheBackgroundTrack() throws Exception {
    Path tone = Tone.wav(dir.resolve("bed.wav"), 0.5);
    assertThat(plan(PAUSE).audio()).as("no audio without the flags").isEmpty();

    AudioPlan once = plan(PAUSE, "--audio-file-path", tone.toString()).audio().orElseThrow();
    assertThat(once.tracks()).singleElement().satisfies(t -> {
      assertThat(t.at()).isEqualTo("audioFilePath");
      assertThat(t.path()).isEqualTo(tone);
      assertThat(t.loop()).isFalse();
    });
    assertThat(once.outputVolume()).isEmpty();

    AudioPlan looped = plan(PAUSE, "--audio-file-path", tone.toString(), "--loop-audio", "--output-volume=-10dB").audio().orElseThrow();
    assertThat(looped.tracks()).singleElement().satisfies(t -> assertThat(t.loop()).isTrue());
    assertThat(looped.outputVolume()).contains("-10dB");
  }

  @Test
  void keepSourceAudioKeepsTheSoundOfAudioLayers() throws Exception {
    Path tone = Tone.wav(dir.resolve("voice.wav"), 1);
    String spec = "{ width: 64, height: 112, fps: 10, clips: [ { duration: 1, layers: [{ type: 'pause' }, { type: 'audio', path: '" + tone + "' }] } ] }";
    assertThat(plan(spec).audio()).as("Editly drops layer sound without keepSourceAudio").isEmpty();
    AudioPlan kept = plan(spec, "--keep-source-audio").audio().orElseThrow();
    assertThat(kept.clips()).singleElement().satisfies(c -> assertThat(c.sources()).singleElement()
        .satisfies(s -> assertThat(s.path()).isEqualTo(tone)));
  }

  @Test
  void allowRemoteRequestsLiftsTheRemotePathError() throws Exception {
    // the fetch itself is RenderCommandTest's (loopback server); here: the flag sets allowRemoteRequests
    String spec = "{ width: 64, height: 112, clips: [ { layers: [{ type: 'image', path: 'https://example.invalid/a.png' }] } ] }";
    Flags parsed = new Flags();
    new CommandLine(parsed).parseArgs("--allow-remote-requests");
    assertThat(parsed.editly.applyTo(SpecReader.parse(spec), Optional.empty()))
        .isEqualTo(SpecReader.parse(spec.replace("{ width: 64,", "{ allowRemoteRequests: true, width: 64,")));
    assertThat(catchThrowableOfType(SpecException.class, () -> plan(spec))).hasMessageContaining("Remote requests are not allowed");
    // allowed: the URL now goes to the fetcher (none in this plan-only test), past the allowRemoteRequests check
    assertThat(catchThrowableOfType(SpecException.class, () -> plan(spec, "--allow-remote-requests")))
        .hasMessageNotContaining("Remote requests are not allowed").hasMessageContaining("must be downloaded before planning");
  }

  @Test
  void fontPathReplacesDefaultsLayerAndReachesTitles() throws Exception {
    // a TrueType header: planning reads the first bytes of a font, not the rest
    Path font = Files.write(dir.resolve("font.ttf"), new byte[] {0, 1, 0, 0, 0, 12});
    String spec = "{ width: 64, height: 112, fps: 10, defaults: { layer: { textColor: '#ff0000' } },"
        + " clips: [ { duration: 1, layers: [{ type: 'title', text: 'Hi' }] } ] }";
    VisualLayer.Title before = (VisualLayer.Title) plan(spec).clips().get(0).layers().get(0);
    assertThat(before.font()).isEqualTo(FontRef.DEFAULT);
    assertThat(before.textColor()).isEqualTo(new Rgba(255, 0, 0, 1));

    VisualLayer.Title after = (VisualLayer.Title) plan(spec, "--font-path", font.toString()).clips().get(0).layers().get(0);
    assertThat(after.font()).isEqualTo(new FontRef.File(font));
    assertThat(after.textColor()).as("defaults.layer was replaced, not merged").isEqualTo(Rgba.WHITE);
  }

  @Test
  void transitionDurationZeroIsIgnoredButStillReplacesDefaultsTransition() throws Exception {
    String spec = "{ width: 64, height: 112, fps: 10, defaults: { transition: { name: 'fade', duration: 0.3 } },"
        + " clips: [ { duration: 1, layers: [{ type: 'pause' }] }, { duration: 1, layers: [{ type: 'pause' }] } ] }";
    assertThat(plan(spec).transitions().get(0).duration()).isEqualTo(0.3);
    // cli.js: defaults.transition = {} (duration 0 fails its truthiness test) → Editly's random 0.5 s, not a hard cut
    TransitionPlan t = plan(spec, "--transition-duration", "0").transitions().get(0);
    assertThat(t.duration()).isEqualTo(0.5);
    assertThat(t.frames()).isEqualTo(5);
    assertThat(plan(spec, "--transition-duration", "0").totalFrames()).isEqualTo(20 - 5);
  }
}
