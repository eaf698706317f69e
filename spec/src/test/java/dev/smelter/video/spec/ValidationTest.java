package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smelter.video.plan.RenderPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything Editly would crash on (or silently misrender) is refused up front, all at once, with paths. */
class ValidationTest {
  @TempDir Path dir;

  private SpecException reject(String json) {
    return catchThrowableOfType(SpecException.class,
        () -> new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(1), PlannerTimelineTest.NO_MEDIA).plan(json));
  }

  private static String messages(SpecException e) {
    return e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void reportsEveryProblemWithItsJsonPath() {
    SpecException e = reject("""
        {width: 321, height: 240, fps: "30",
         clips: [
           {layers: [{type: 'image', path: 'missing.png'}]},
           {layers: [{type: 'bogus'}]},
           {duration: 2, transition: 'fade', layers: [{type: 'title'}]},
           {layers: []},
           {duration: 2, transition: {name: 'nope', duration: 1}, layers: [{type: 'fill-color', start: 1, stop: 5}]},
           {duration: 2, transition: {name: 'fade', duration: 1, easing: 'bounce'}, layers: [{type: 'canvas'}]},
           {duration: 2, transition: {duration: 1}, layers: [{type: 'image', path: 'https://example.com/a.png'}]},
           {layers: [{path: 'x'}]},
         ]}""");
    assertThat(messages(e)).contains(
        "fps: expected a finite number but got a string \"30\"",
        "clips[0].layers[0].path: file not found: missing.png",
        "clips[1].layers[0].type: Invalid layer type bogus",
        "clips[2].transition: Transition must be an object",
        "clips[2].layers[0].text: Please specify a text",
        "clips[3].layers: \"clip.layers\" must contain one or more objects",
        "clips[4].transition.name: unknown transition \"nope\"",
        "clips[4].layers[0]: Invalid start 1 or stop 5 (2)",
        "clips[5].transition.easing: unknown easing \"bounce\"",
        "clips[5].layers[0].func: \"func\" must be a function",
        "clips[6].layers[0].path: Remote requests are not allowed",
        "clips[7].layers[0].type: All \"layers\" must have a type",
        "width: output size 321×240 must be even");
  }

  @Test
  void transitionDurationWithoutAnyNameIsRefused() {
    SpecException e = reject("""
        {width: 64, height: 112, defaults: {transition: {name: ''}},
         clips: [{duration: 2, transition: {duration: 1}, layers: [{type: 'pause'}]}, {layers: [{type: 'pause'}]}]}""");
    assertThat(messages(e)).contains("clips[0].transition.name: Please specify transition name or set duration to 0");
  }

  @Test
  void negativeValuesAndBadColoursAreRejected() {
    SpecException e = reject("""
        {width: 64, height: 112, audioTracks: [{path: 'a.mp3', start: -1, cutFrom: 2, cutTo: 1}],
         clips: [{duration: -1, layers: [{type: 'fill-color', color: 'not-a-colour'}]}]}""");
    assertThat(messages(e)).contains(
        "clips[0].duration: must not be negative (got -1)",
        "clips[0].layers[0].color: not a CSS colour: \"not-a-colour\"",
        "audioTracks[0].start: Invalid \"start\" -1",
        "audioTracks[0].cutTo: must be greater than cutFrom (2)",
        "audioTracks[0].path: file not found: a.mp3");
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    assertThat(messages(reject("{clips: [,]}"))).contains("JSON5: invalid character ',' at 1:10");
  }

  @Test
  void unsupportedCustomOutputArgsAreRejectedNotIgnored() {
    // any h264_* name used to pass here and fail only when the encoder was opened
    assertThat(messages(reject("{width: 64, height: 112, customOutputArgs: ['-c:v', 'h264_foo'], clips: [{layers: [{type: 'pause'}]}]}")))
        .contains("customOutputArgs[1]: unsupported video codec \"h264_foo\" (H.264 encoders only: h264_nvenc, h264_qsv, h264_vaapi, h264_vulkan, libx264)");
  }

  @Test
  void unknownKeysAreWarningsNotErrors() throws Exception {
    Files.writeString(dir.resolve("font.ttf"), "x");
    RenderPlan p = new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(1), PlannerTimelineTest.NO_MEDIA).plan("""
        {width: 64, height: 112, outFormat: 'mp4', defaults: {layer: {fontPath: 'font.ttf'}},
         clips: [{layers: [{type: 'fill-color', zoomDirecton: 'in'}]}]}""");
    assertThat(p.warnings()).contains("outFormat: unknown key (ignored)", "clips[0].layers[0].zoomDirecton: unknown key for a fill-color layer (ignored)");
  }

  @Test
  void cutFromNotBelowCutToIsRefusedOnVideoAndAudioLayers() {
    FakeMedia media = new FakeMedia(dir).video("clip.mp4", 5).audio("voice.wav", 5);
    SpecException e = catchThrowableOfType(SpecException.class, () -> new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(1), media).plan("""
        {width: 64, height: 112, keepSourceAudio: true,
         clips: [{duration: 1, layers: [{type: 'video', path: 'clip.mp4', cutFrom: 3, cutTo: 2}]},
                 {duration: 1, layers: [{type: 'pause'}, {type: 'audio', path: 'voice.wav', cutFrom: 2, cutTo: 2}]},
                 {duration: 1, layers: [{type: 'video', path: 'clip.mp4', cutFrom: 7}]}]}"""));
    assertThat(messages(e)).contains(
        "clips[0].layers[0].cutFrom: cutFrom must be lower than cutTo (cutFrom 3, cutTo 2, file duration 5)",
        "clips[1].layers[1].cutFrom: cutFrom must be lower than cutTo (cutFrom 2, cutTo 2)",
        // Editly clamps both cuts to the file: a cutFrom past the end leaves nothing to play
        "clips[2].layers[0].cutFrom: cutFrom must be lower than cutTo (cutFrom 5, cutTo 5, file duration 5)");
  }

  @Test
  void wrongTypesAreNamedWithWhatWasFound() {
    // keepSourceAudio: 'yes' is truthy, as in Editly (OutputArgsAndFlagsTest)
    assertThat(messages(reject("{width: '64', height: true, keepSourceAudio: 'yes', defaults: [], clips: {}}"))).contains(
        "width: expected a finite number but got a string \"64\"",
        "height: expected a finite number but got a boolean",
        "defaults: expected an object but got an array",
        "clips: expected an array but got an object");
    assertThat(messages(reject("""
        {width: 64, height: 112,
         clips: [{duration: 'x', layers: [{type: 'pause'}]},
                 {transition: {duration: 'long'}, layers: [{type: 'pause', color: 3}]},
                 {layers: {}}]}"""))).contains(
        "clips[0].duration: expected a finite number but got a string \"x\"",
        "clips[1].transition.duration: expected a finite number but got a string \"long\"",
        "clips[1].layers[0].color: expected a string but got a number",
        // Editly takes a single layer object for a one-element array, so this one is a layer without a type
        "clips[2].layers[0].type: All \"layers\" must have a type");
  }
}
