package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smelter.video.plan.OutputOption;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.RenderPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code customOutputArgs} read as ffmpeg reads output options (the render module routes what is
 * left to libav: {@code OutputOptionsTest}), Editly's truthy booleans and {@code audioNorm}, and
 * Editly's rule for when an output has no audio stream.
 */
class OutputArgsAndFlagsTest {
  @TempDir Path dir;

  private RenderPlan plan(String json, PlanOptions options) throws SpecException {
    return new Planner(options.withBaseDir(dir).withSeed(1), new FakeMedia(dir).video("clip.mp4", 5).audio("voice.wav", 5)).plan(json);
  }

  private RenderPlan plan(String json) throws SpecException {
    return plan(json, PlanOptions.defaults());
  }

  private static String spec(String extra) {
    return "{width: 64, height: 112, fps: 10, " + extra + " clips: [{duration: 1, layers: [{type: 'fill-color', color: '#102030'}]}]}";
  }

  private static String args(String... args) {
    return "customOutputArgs: ['" + String.join("', '", args) + "'],";
  }

  @Test
  void theUsersHighQualitySetMapsEveryOption() throws Exception {
    RenderPlan p = plan(spec(args("-c:v", "libx264", "-preset", "medium", "-crf", "20", "-profile:v", "high", "-level", "4.0",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", "-threads", "0")));
    EncodeSettings e = p.output().encode();
    assertThat(e.encoder()).contains("libx264");
    assertThat(e.preset()).isEqualTo("medium");
    assertThat(e.crf()).isEqualTo(20);
    assertThat(e.profile()).isEqualTo("high");
    assertThat(e.audioBitrate()).isEqualTo("192k");
    assertThat(e.audioSampleRate()).hasValue(48000);
    assertThat(e.audioChannels()).hasValue(2);
    assertThat(e.faststart()).isTrue();
    // what only libav can place is handed on, with the path of its name in the client's array
    assertThat(e.options()).containsExactly(
        new OutputOption("customOutputArgs[8]", "customOutputArgs[9]", "level", OutputOption.Stream.ANY, "4.0"),
        new OutputOption("customOutputArgs[22]", "customOutputArgs[23]", "threads", OutputOption.Stream.ANY, "0"));
    assertThat(p.warnings()).isEmpty();
  }

  @Test
  void streamSpecifiersAndCliAliasesAddressTheirStream() throws Exception {
    EncodeSettings e = plan(spec(args("-vcodec", "libx264", "-acodec", "aac", "-ab", "96k", "-vb", "2M", "-g:v", "48", "-bf:v:0", "0",
        "-profile:a", "aac_low", "-movflags", "+faststart+frag_keyframe"))).output().encode();
    assertThat(e.audioBitrate()).isEqualTo("96k");
    assertThat(e.videoBitrate()).contains("2M");
    assertThat(e.options()).extracting(OutputOption::name, OutputOption::stream, OutputOption::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("g", OutputOption.Stream.VIDEO, "48"),
        org.assertj.core.groups.Tuple.tuple("bf", OutputOption.Stream.VIDEO, "0"),
        org.assertj.core.groups.Tuple.tuple("profile", OutputOption.Stream.AUDIO, "aac_low"),
        org.assertj.core.groups.Tuple.tuple("movflags", OutputOption.Stream.ANY, "+frag_keyframe"));
    assertThat(e.faststart()).isTrue();
  }

  @Test
  void programOnlyOptionsAreIgnoredWithAWarningNamingThem() throws Exception {
    RenderPlan p = plan(spec(args("-y", "-f", "mp4", "-i", "other.mp4", "-hide_banner", "-loglevel", "error", "-c:a", "copy",
        "-max_muxing_queue_size", "2048", "second.mp4", "-vf", "hflip")));
    assertThat(p.output().encode().options()).isEmpty();
    assertThat(p.warnings()).anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[0]: -y is an ffmpeg program switch"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[1]: -f mp4 is ignored: the container follows outPath"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[3]: -i other.mp4 is ignored"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[5]: -hide_banner"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[6]: -loglevel error is ignored"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[9]: \"copy\" has no input stream to copy in-process: the mixed audio is encoded as AAC"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[10]: -max_muxing_queue_size 2048 is ignored"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[12]: \"second.mp4\" is not an option"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[13]: -vf hflip is ignored"));
  }

  @Test
  void badValuesAreRefusedWithTheValuesPath() {
    SpecException e = catchThrowableOfType(SpecException.class, () -> plan(spec(args("-ar", "fast", "-ac", "6", "-crf", "x", "-c:a", "libopus", "-threads"))));
    assertThat(e.problems()).extracting(Problem::toString).contains(
        "customOutputArgs[1]: -ar needs a sample rate in Hz such as 48000 (got \"fast\")",
        "customOutputArgs[3]: -ac takes 1 (mono) or 2 (stereo) channels here (got \"6\")",
        "customOutputArgs[5]: crf must be a number (got \"x\")",
        "customOutputArgs[7]: unsupported audio codec \"libopus\" (aac only)",
        "customOutputArgs[8]: option -threads has no value");
  }

  @Test
  void serverArgsApplyFirstAndKeepTheClientsIndices() throws Exception {
    PlanOptions withServer = PlanOptions.defaults().withServerOutputArgs(List.of("-preset", "ultrafast", "-crf", "28", "-g", "25"));
    EncodeSettings e = plan(spec(args("-crf", "20", "-bf", "0")), withServer).output().encode();
    assertThat(e.preset()).isEqualTo("ultrafast");
    assertThat(e.crf()).isEqualTo(20); // the client's come last and win
    assertThat(e.options()).extracting(OutputOption::at).containsExactly("server-args[4]", "customOutputArgs[2]");
    SpecException bad = catchThrowableOfType(SpecException.class, () -> plan(spec(args("-crf", "99")), withServer));
    assertThat(bad.problems()).extracting(Problem::toString).containsExactly("customOutputArgs[1]: crf must be within 0..51 (got 99)");
  }

  @Test
  void audioNormAcceptsEditlysFalsyValuesAndTrue() throws Exception {
    for (String value : List.of("false", "null", "0", "''")) {
      RenderPlan p = plan(spec("audioFilePath: 'voice.wav', audioNorm: " + value + ","));
      assertThat(p.audio().orElseThrow().normalization()).as(value).isEmpty();
      assertThat(p.warnings()).as(value).noneMatch(w -> w.startsWith("audioNorm"));
    }
    // Editly reads audioNorm && audioNorm.enable: true has no enable member, so it stays off
    RenderPlan on = plan(spec("audioFilePath: 'voice.wav', audioNorm: true,"));
    assertThat(on.audio().orElseThrow().normalization()).isEmpty();
    assertThat(on.warnings()).anyMatch(w -> w.startsWith("audioNorm: Editly reads only audioNorm.enable"));
    RenderPlan object = plan(spec("audioFilePath: 'voice.wav', audioNorm: {enable: true, maxGain: 10},"));
    assertThat(object.audio().orElseThrow().normalization()).hasValueSatisfying(n -> assertThat(n.maxGain()).isEqualTo(10));
  }

  @Test
  void editlysBooleanOptionsAreTruthyLikeJavaScript() throws Exception {
    assertThat(plan(spec("audioFilePath: 'voice.wav', loopAudio: 1,")).audio().orElseThrow().tracks().getFirst().loop()).isTrue();
    assertThat(plan(spec("audioFilePath: 'voice.wav', loopAudio: 0,")).audio().orElseThrow().tracks().getFirst().loop()).isFalse();
    assertThat(plan(spec("audioFilePath: 'voice.wav', loopAudio: '',")).audio().orElseThrow().tracks().getFirst().loop()).isFalse();
    RenderPlan stringFalse = plan(spec("audioFilePath: 'voice.wav', loopAudio: 'false',"));
    assertThat(stringFalse.audio().orElseThrow().tracks().getFirst().loop()).isTrue();
    assertThat(stringFalse.warnings()).anyMatch(w -> w.startsWith("loopAudio: the string \"false\" counts as true"));
  }

  @Test
  void withoutAnySoundThereIsNoAudioStreamAsInEditly() throws Exception {
    String silentClips = "{width: 64, height: 112, fps: 10, keepSourceAudio: true, clips: ["
        + "{duration: 1, layers: [{type: 'fill-color'}]},"
        + "{duration: 1, layers: [{type: 'fill-color'}, {type: 'audio', path: 'voice.wav', start: 0.2}]}]}";
    // keepSourceAudio but every clip is silence (an audio layer with a start is skipped) and no track
    assertThat(plan(silentClips).audio()).isEmpty();
    assertThat(plan(spec("")).audio()).isEmpty();
    // one clip with sound is enough for a track
    assertThat(plan("{width: 64, height: 112, fps: 10, keepSourceAudio: true, clips: [{duration: 1, layers: [{type: 'fill-color'}]},"
        + "{duration: 1, layers: [{type: 'fill-color'}, {type: 'audio', path: 'voice.wav'}]}]}").audio()).isPresent();
    // the flag keeps a silent track for players that need one
    var silent = plan(silentClips, PlanOptions.defaults().withSilentAudioTrack(true)).audio();
    assertThat(silent).hasValueSatisfying(a -> assertThat(a.clips()).allSatisfy(c -> assertThat(c.sources()).isEmpty()));
    assertThat(plan(spec(""), PlanOptions.defaults().withSilentAudioTrack(true)).audio()).isPresent();
  }
}
