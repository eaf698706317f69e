package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.spec.json.WellFormed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: limits with JSON paths, lone surrogates, NUL bytes, files that are not what they claim. */
class LimitsAndHostileInputTest {
  @TempDir Path dir;

  private RenderPlan plan(String json, SpecLimits limits) throws SpecException {
    return new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(1).withLimits(limits), PlannerTimelineTest.NO_MEDIA).plan(json);
  }

  private String problems(String json, SpecLimits limits) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> plan(json, limits));
    assertThat(e).as("refused: %s", json.length() > 200 ? json.substring(0, 200) : json).isNotNull();
    return e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void loneSurrogatesBecomeReplacementCharactersAsInABrowser() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 64, fps: 10, clips: [{duration: 1, layers: [
          {type: 'title', text: "a\\ud800b\\udc00c\\ud83d\\ude00", fontFamily: "\\udfff"}]}]}""", SpecLimits.DEFAULTS);
    VisualLayer.Title t = (VisualLayer.Title) p.clips().getFirst().layers().getFirst();
    // a lone high, a lone low, then a real pair (😀) that stays
    assertThat(t.text()).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    assertThat(WellFormed.is(t.text())).isTrue();
    assertThat(t.font().toString()).contains("\uFFFD").doesNotContain("\uDFFF");
    // raw (unescaped) surrogates in the text, as a Java caller could pass them, are replaced too
    assertThat(WellFormed.of("x\uD800")).isEqualTo("x\uFFFD");
    assertThat(WellFormed.of("\uDC00\uD800")).isEqualTo("\uFFFD\uFFFD");
    String ok = "plain \uD83D\uDE00";
    assertThat(WellFormed.of(ok)).isSameAs(ok);
  }

  @Test
  void hugeFrameRatesAndTextsAreRefusedWithTheirPaths() {
    assertThat(problems("{width: 64, height: 64, fps: 1e308, clips: [{duration: 1, layers: [{type: 'pause'}]}]}", SpecLimits.DEFAULTS))
        .contains("fps: must be at most 240 (got 1.0E308)");
    assertThat(problems("{width: 64, height: 64, fps: 1e-9, clips: [{duration: 1, layers: [{type: 'pause'}]}]}", SpecLimits.DEFAULTS))
        .contains("fps: must be at least 0.01");
    String title = "x".repeat(1_000_000);
    assertThat(problems("{width: 64, height: 64, clips: [{duration: 1, layers: [{type: 'pause'}, {type: 'title', text: '" + title + "'}]}]}",
        SpecLimits.DEFAULTS)).contains("clips[0].layers[1].text: text of 1000000 characters is over the limit of 10000");
  }

  @Test
  void durationFramesSizeClipsAndLayersHaveLimits() {
    SpecLimits tight = SpecLimits.DEFAULTS.with("duration-seconds", "10").with("frames", "100").with("width", "100")
        .with("clips", "2").with("layers", "2");
    assertThat(problems("{width: 128, height: 64, fps: 25, clips: [{duration: 1e300, layers: [{type: 'pause'}]}]}", tight))
        .contains("clips[0].duration: 1.0E300 s is over the limit of 10 s", "width: wider than the limit of 100");
    assertThat(problems("{width: 64, height: 64, fps: 25, defaults: {transition: null}, clips: [{duration: 5, layers: [{type: 'pause'}]}]}", tight))
        .contains("clips: 125 frames exceed the limit of 100");
    assertThat(problems("""
        {width: 64, height: 64, fps: 1, clips: [{duration: 1, layers: [{type: 'pause'}, {type: 'pause'}, {type: 'pause'}]},
           {duration: 1, layers: [{type: 'pause'}]}, {duration: 1, layers: [{type: 'pause'}]}]}""", tight))
        .contains("clips: too many clips (3 > limit 2)", "clips[0].layers: too many layers (3 > limit 2)");
    assertThat(problems("{width: 64, height: 64, fps: 25, defaults: {transition: null}, clips: [{duration: 5, layers: [{type: 'pause'}]},"
        + "{duration: 6, layers: [{type: 'pause'}]}]}", tight.with("frames", "1e9")))
        .contains("clips: the video would last 11 s, over the limit of 10 s");
  }

  @Test
  void limitsParseByTheirDocumentedNames() {
    SpecLimits l = SpecLimits.DEFAULTS.with("fps", "60").with("text-length", "5");
    assertThat(l.fps()).isEqualTo(60);
    assertThat(l.textLength()).isEqualTo(5);
    assertThatThrownBy(() -> SpecLimits.DEFAULTS.with("speed", "1")).hasMessageContaining("unknown limit speed");
    assertThatThrownBy(() -> SpecLimits.DEFAULTS.with("fps", "-1")).hasMessageContaining("positive");
    assertThatThrownBy(() -> SpecLimits.DEFAULTS.with("fps", "many")).hasMessageContaining("not a number");
  }

  @Test
  void nulBytesInPathsAreProblemsNotCrashes() {
    assertThat(problems("{width: 64, height: 64, clips: [{duration: 1, layers: [{type: 'image', path: 'a\\u0000b.png'}]}]}",
        SpecLimits.DEFAULTS)).contains("clips[0].layers[0].path: not a valid file path: a\\u0000b.png");
    assertThat(problems("{outPath: 'out\\u0000.mp4', width: 64, height: 64, clips: [{duration: 1, layers: [{type: 'pause'}]}]}",
        SpecLimits.DEFAULTS)).contains("outPath: not a valid file path: out\\u0000.mp4");
    assertThat(problems("{width: 64, height: 64, clips: [{layers: [{type: 'video', path: 'v\\u0000.mp4'}]}]}", SpecLimits.DEFAULTS))
        .contains("clips[0].layers[0].path: not a valid file path");
  }

  @Test
  void outPathAndDefaultsOfTheWrongTypeAreRefused() {
    assertThat(problems("{outPath: 3, defaults: 'x', width: 64, height: 64, clips: [{duration: 1, layers: [{type: 'pause'}]}]}",
        SpecLimits.DEFAULTS)).contains("outPath: expected a string but got a number", "defaults: expected an object but got a string");
    assertThat(problems("{outPath: '', width: 64, height: 64, clips: [{duration: 1, layers: [{type: 'pause'}]}]}", SpecLimits.DEFAULTS))
        .contains("outPath: not a valid file path");
  }

  @Test
  void imagesAndFontsAreCheckedByTheirHeaders() throws Exception {
    Files.writeString(dir.resolve("photo.jpg"), "<html>404 Not Found</html>");
    Files.write(dir.resolve("empty.png"), new byte[0]);
    Files.writeString(dir.resolve("font.ttf"), "not a font");
    Files.write(dir.resolve("real.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
    Files.writeString(dir.resolve("logo.svg"), "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>");
    Files.write(dir.resolve("real.ttf"), new byte[] {0, 1, 0, 0, 0, 12});
    String msg = problems("""
        {width: 64, height: 64, clips: [{duration: 1, layers: [
          {type: 'image', path: 'photo.jpg'}, {type: 'image-overlay', path: 'empty.png'},
          {type: 'title', text: 'hi', fontPath: 'font.ttf'}]}]}""", SpecLimits.DEFAULTS);
    assertThat(msg).contains(
        "clips[0].layers[0].path: not an image file (JPEG, PNG, GIF, WebP, BMP, ICO, HEIF/AVIF or SVG expected; it starts with \"<html>40\"): photo.jpg",
        "clips[0].layers[1].path: empty file, not an image: empty.png",
        "clips[0].layers[2].fontPath: not a font file (TrueType, OpenType or WOFF expected; it starts with \"not a fo\"): font.ttf");
    // real headers pass
    assertThat(plan("""
        {width: 64, height: 64, clips: [{duration: 1, layers: [
          {type: 'image', path: 'real.png'}, {type: 'image-overlay', path: 'logo.svg'}, {type: 'title', text: 'hi', fontPath: 'real.ttf'}]}]}""",
        SpecLimits.DEFAULTS).clips().getFirst().layers()).hasSize(3);
  }
}
