package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.RenderPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Issue 21, "must show": thousands of generated malformed and hostile specs through the parser and
 * the planner. Each one either plans (a valid plan within the limits) or is refused with problems
 * that all name a JSON path that exists in the spec or its root ({@code ""}); nothing throws
 * anything else, nothing hangs (each try is bounded), nothing is written.
 */
class HostileSpecPropertiesTest {
  private Path dir;
  private int planned;
  private int refused;

  @BeforeProperty
  void folder() throws IOException {
    dir = Files.createTempDirectory("hostile-spec");
    Files.writeString(dir.resolve("text.jpg"), "<html>not an image</html>");
    Files.write(dir.resolve("real.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
    Files.writeString(dir.resolve("font.ttf"), "plain text");
    Files.write(dir.resolve("real.ttf"), new byte[] {0, 1, 0, 0, 0, 12});
  }

  @AfterProperty
  void nothingWritten() throws IOException {
    // the generators reach both ends: a degenerate generator would make this property vacuous
    assertThat(planned).as("specs that planned").isGreaterThan(50);
    assertThat(refused).as("specs that were refused").isGreaterThan(1000);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("font.ttf", "real.png", "real.ttf", "text.jpg");
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) Files.delete(p);
    }
    Files.delete(dir);
  }

  /** Generated JSON5 texts: structurally valid specs with hostile values, and mangled ones. */
  @Property(tries = 3000, maxDiscardRatio = 1)
  void everySpecPlansOrIsRefusedWithAPath(@ForAll("specs") String text) {
    long started = System.nanoTime();
    try {
      RenderPlan plan = new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(7).withDefaultOutPath(dir.resolve("out.mp4")),
          PlannerTimelineTest.NO_MEDIA).plan(text);
      SpecLimits l = SpecLimits.DEFAULTS;
      assertThat(plan.totalFrames()).isPositive().isLessThanOrEqualTo((int) l.frames());
      assertThat(plan.output().width()).isBetween(1, l.width());
      assertThat(plan.output().height()).isBetween(1, l.height());
      assertThat(plan.output().fps().value()).isPositive().isLessThanOrEqualTo(l.fps());
      assertThat(plan.durationSeconds()).isLessThanOrEqualTo(l.durationSeconds());
      planned++;
    } catch (SpecException e) {
      assertThat(e.problems()).isNotEmpty();
      refused++;
      for (Problem p : e.problems()) {
        assertThat(p.path()).as("path of %s", p).matches("|[A-Za-z_$][A-Za-z0-9_$]*(\\[\\d+]|\\.[^.\\[\\]]+)*");
        assertThat(p.message()).isNotBlank();
      }
    }
    assertThat(System.nanoTime() - started).as("one spec plans within 2 s").isLessThan(2_000_000_000L);
  }

  @Provide
  Arbitrary<String> specs() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, structured()),
        net.jqwik.api.Tuple.of(2, structured().flatMap(HostileSpecPropertiesTest::mangled)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
  }

  /** Mostly sane specs in which some values are hostile: both outcomes stay frequent. */
  private static Arbitrary<String> structured() {
    Arbitrary<String> clip = Combinators.combine(field("duration", "1", "0.5"), layers(), transition())
        .as((duration, layers, transition) -> "{" + duration + "layers: " + layers + transition + "}");
    Arbitrary<String> clips = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, clip.list().ofMinSize(1).ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
        net.jqwik.api.Tuple.of(1, clip.list().ofMaxSize(0).map(l -> "[]")),
        net.jqwik.api.Tuple.of(1, value()));
    return Combinators.combine(field("width", "64", "32"), field("height", "64", "48"), field("fps", "10", "25"), clips,
            field("outPath", "'out.mp4'", "'sub/out.gif'"), field("defaults", "{transition: null}", "{duration: 1}"))
        .as((w, h, fps, cs, outPath, defaults) -> "{" + w + h + fps + outPath + defaults + "clips: " + cs + "}");
  }

  /** {@code key: value, } with a sane value, a hostile one, or nothing at all. */
  private static Arbitrary<String> field(String key, String... sane) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.of(sane)),
        net.jqwik.api.Tuple.of(1, value()),
        net.jqwik.api.Tuple.of(2, Arbitraries.just((String) null)))
        .map(v -> v == null ? "" : key + ": " + v + ", ");
  }

  private static Arbitrary<String> layers() {
    Arbitrary<String> type = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("title", "subtitle", "news-title", "slide-in-text", "title-background", "image",
            "image-overlay", "fill-color", "pause", "radial-gradient", "linear-gradient")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("video", "audio", "rainbow-colors", "gl", "canvas", "fabric", "detached-audio", "bogus")));
    Arbitrary<String> layer = Combinators.combine(type, field("text", "'hi'", "'\\ud800'"), field("path", "'real.png'"),
            field("fontPath", "'real.ttf'"), field("position", "'center'"), field("start", "0"))
        .as((t, text, path, font, position, start) -> "{type: '" + t + "', " + text + path + font + position + start + "}");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, layer.list().ofMinSize(1).ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
        net.jqwik.api.Tuple.of(1, value()));
  }

  private static Arbitrary<String> transition() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of("", ", transition: {name: 'fade', duration: 0.2}", ", transition: null")),
        net.jqwik.api.Tuple.of(1, Combinators.combine(value(), value()).as((n, d) -> ", transition: {name: " + n + ", duration: " + d + "}")));
  }

  /** Any JSON5 value, biased to the hostile: huge and tiny numbers, lone surrogates, NUL bytes, long texts, wrong types. */
  private static Arbitrary<String> value() {
    return Arbitraries.oneOf(
        Arbitraries.of("null", "true", "[]", "{}", "0", "-1", "1e308", "-1e308", "1e-9", "NaN", "Infinity", "-0", "4", "64", "65",
            "30", "0.5", "2147483648", "9007199254740993", "'30'", "''", "'in'", "'center'", "{x: 2, y: -1}"),
        Arbitraries.of("'\\ud800'", "'\\udc00x'", "'a\\u0000b'", "'\\ud83d\\ude00'", "'text.jpg'", "'real.png'", "'font.ttf'",
            "'../../etc/passwd'", "'missing.mp4'", "'http://127.0.0.1/x.png'", "'/dev/zero'", "'fade'", "'random'", "'directional-left'"),
        Arbitraries.integers().between(-5, 100_000).map(String::valueOf),
        Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
        Arbitraries.strings().ofMaxLength(40).map(HostileSpecPropertiesTest::quoted),
        Arbitraries.integers().between(10_000, 12_000).map(n -> "'" + "w".repeat(n) + "'"));
  }

  /** A JSON5 string literal with every character escaped (so surrogates and controls survive as escapes). */
  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) sb.append(String.format("\\u%04x", (int) c));
    return sb.append('"').toString();
  }

  /** Truncation, a dropped or doubled character, or junk spliced in. */
  private static Arbitrary<String> mangled(String text) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, Math.max(0, text.length() - 1));
    return Arbitraries.oneOf(
        at.map(i -> text.substring(0, i)),
        at.map(i -> text.substring(0, i) + text.substring(Math.min(text.length(), i + 1))),
        Combinators.combine(at, Arbitraries.of("{", "}", "[", "]", ",", ":", "'", "\"", "\\", "/*", "\u0000", "\ud800"))
            .as((i, junk) -> text.substring(0, i) + junk + text.substring(i)));
  }

}
