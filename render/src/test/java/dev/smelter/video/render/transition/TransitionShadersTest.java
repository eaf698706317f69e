package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.spec.transition.TransitionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shader files agree with the catalogue, and a file that does not is refused with its reason. */
class TransitionShadersTest {
  /** The folder in this module's sources (tests run in the module's directory). */
  private static final Path FOLDER = Path.of("src/main/resources/dev/smelter/video/render/transition/sksl");

  private static List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyFileIsACatalogueNameUnderItsSpellingAndLoads() throws IOException {
    List<String> files = fileNames();
    assertThat(files).hasSizeGreaterThan(100).allMatch(f -> f.endsWith(".sksl"));
    for (String file : files) {
      String name = file.substring(0, file.length() - ".sksl".length());
      assertThat(TransitionCatalog.find(name)).as(file).map(TransitionCatalog.Entry::name).contains(name);
      SkslProgram program = TransitionShaders.program(name);
      assertThat(program.name()).isEqualTo(name);
      program.effect(); // compiles
    }
  }

  @Test
  void eachCatalogueNameIsDrawnByExactlyOneOfItsShaderFileOrAJavaClass() throws IOException {
    List<String> files = fileNames();
    for (TransitionCatalog.Entry entry : TransitionCatalog.all().values()) {
      Transition t = Transitions.byName(entry.name());
      boolean hasFile = files.contains(entry.name() + ".sksl");
      // a Java class with a file only when it adds per-frame uniforms to the file's program
      boolean plainFileTransition = t.getClass() == CatalogShaderTransition.class;
      assertThat(plainFileTransition).as(entry.name()).isEqualTo(hasFile && !List.of("filmburn", "fragment").contains(t.name()));
      assertThat(t.name()).isEqualTo(entry.name().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void theHeaderRepeatsTheCatalogueLineAndMayAskForTheReferenceUv() {
    String body = "half4 transition(float2 uv) { return getFromColor(uv); }\n";
    SkslProgram plain = TransitionShaders.parse("Directional", "// transition: Directional direction:float2=0,1\n//\n// text\n\n" + body);
    assertThat(plain.usesReferenceUv()).isFalse();
    SkslProgram reference = TransitionShaders.parse("Directional", "// transition: Directional direction:float2=0,1\n// uv: reference\n\n" + body);
    assertThat(reference.usesReferenceUv()).isTrue();
    reference.effect();
  }

  /** A header (its lines joined by '|') and the reason the loader gives for refusing it. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "// transition: Directional direction:float2=1,1; catalogue lists Directional",
      "// transition: Directional; catalogue lists Directional",
      "// transition: directional direction:float2=0,1; catalogue lists Directional",
      "// transition: Directional direction:float=0; catalogue lists Directional",
      "// transition: Nope; 'Nope' is not a catalogued transition",
      "// transition: Directional direction:float2=0,1|// uv: glsl; unknown uv 'glsl'",
      "// transition: Directional direction:int=0; unknown type 'int'",
      "// Directional direction:float2=0,1; the first line must be",
      "uniform float x; not a // comment"})
  void refusesAHeaderThatDisagreesWithTheCatalogue(String header, String reason) {
    String text = header.replace('|', '\n') + "\n\nhalf4 transition(float2 uv) { return getFromColor(uv); }\n";
    assertThatThrownBy(() -> TransitionShaders.parse("Directional", text)).hasMessageContaining(reason);
  }

  @Test
  void refusesAFileWithoutABodyAndFindsNoFileForANameWithoutOne() {
    assertThatThrownBy(() -> TransitionShaders.parse("Directional", "// transition: Directional direction:float2=0,1\n"))
        .hasMessageContaining("no blank line");
    assertThat(TransitionShaders.find("Directional-left")).isEmpty();
    assertThatThrownBy(() -> TransitionShaders.program("Directional-left")).hasMessageContaining("no shader file sksl/Directional-left.sksl");
  }
}
