package dev.smelter.video.spec.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalog is exactly gl-transitions 1.71.0 as Editly 0.14.2 installs it (appendix-a.txt, the names and default params npm install editly@0.14.2 gets). */
class TransitionCatalogTest {
  private static final Pattern PARAM = Pattern.compile("`(\\w+)`=(\\[[^\\]]*]|[^,\\s]+)");

  /** Appendix A: name (original spelling) → param → defaults (booleans as 0/1). */
  private static Map<String, Map<String, double[]>> appendixA() throws IOException {
    String text;
    try (InputStream in = TransitionCatalogTest.class.getResourceAsStream("appendix-a.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, Map<String, double[]>> names = new LinkedHashMap<>();
    for (String line : text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
      String[] cols = line.split(" \\| ", 2);
      Map<String, double[]> params = new LinkedHashMap<>();
      Matcher m = PARAM.matcher(cols[1]);
      while (m.find()) params.put(m.group(1), values(m.group(2)));
      names.put(cols[0], params);
    }
    return names;
  }

  private static double[] values(String v) {
    if (v.equals("true")) return new double[] {1};
    if (v.equals("false")) return new double[] {0};
    return Arrays.stream(v.replaceAll("[\\[\\]]", "").split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
  }

  @Test
  void holdsExactlyTheAppendixANamesInTheirSpelling() throws IOException {
    Map<String, Map<String, double[]>> expected = appendixA();
    assertThat(expected).hasSize(125);
    List<String> spellings = TransitionCatalog.all().values().stream().map(TransitionCatalog.Entry::name).toList();
    assertThat(spellings).containsExactlyInAnyOrderElementsOf(expected.keySet());
    // Editly's own names are resolved elsewhere, never catalog entries.
    for (String alias : List.of("directional-left", "directional-right", "directional-up", "directional-down", "random", "dummy")) {
      assertThat(TransitionCatalog.find(alias)).as(alias).isEmpty();
    }
  }

  @Test
  void declaresAppendixADefaultsForEveryName() throws IOException {
    appendixA().forEach((name, params) -> {
      TransitionCatalog.Entry entry = TransitionCatalog.find(name).orElseThrow();
      assertThat(entry.params().keySet()).as(name).containsExactlyElementsOf(params.keySet());
      params.forEach((param, defaults) -> assertThat(entry.params().get(param).defaults()).as(name + "." + param).containsExactly(defaults));
    });
  }

  @Test
  void findsEveryNameCaseInsensitively() throws IOException {
    for (String name : appendixA().keySet()) {
      assertThat(TransitionCatalog.find(name.toUpperCase(Locale.ROOT))).as(name).map(TransitionCatalog.Entry::name).contains(name);
    }
  }

  @Test
  void readsTableLinesAndRefusesMalformedOnes() {
    TransitionCatalog.Entry entry = TransitionCatalog.parse("Bounce shadow_colour:float4=0,0,0,0.6 reverse:bool=1");
    assertThat(entry.name()).isEqualTo("Bounce");
    assertThat(entry.params().keySet()).containsExactly("shadow_colour", "reverse");
    assertThat(entry.params().get("shadow_colour").defaults()).containsExactly(0, 0, 0, 0.6);
    assertThat(entry.params().get("shadow_colour").bool()).isFalse();
    assertThat(entry.params().get("reverse").bool()).isTrue();
    assertThat(entry.params().get("reverse").size()).isEqualTo(1);
    assertThat(entry.sameAs(TransitionCatalog.parse("Bounce shadow_colour:float4=0,0,0,0.6 reverse:bool=1"))).isTrue();
    assertThat(entry.sameAs(TransitionCatalog.parse("Bounce shadow_colour:float4=0,0,0,0.5 reverse:bool=1"))).isFalse();
    assertThat(entry.sameAs(TransitionCatalog.parse("Bounce shadow_colour:float4=0,0,0,0.6 reverse:float=1"))).isFalse();
    assertThat(entry.sameAs(TransitionCatalog.parse("Bounce reverse:bool=1 shadow_colour:float4=0,0,0,0.6"))).isFalse();
    assertThat(entry.sameAs(TransitionCatalog.parse("bounce shadow_colour:float4=0,0,0,0.6 reverse:bool=1"))).isFalse();
    assertThatThrownBy(() -> TransitionCatalog.parse("Bounce bounces:float=1,2")).hasMessageContaining("needs 1 default");
    assertThatThrownBy(() -> TransitionCatalog.parse("Bounce bounces:int=1")).hasMessageContaining("unknown type 'int'");
    assertThatThrownBy(() -> TransitionCatalog.parse("Bounce bounces=1")).hasMessageContaining("not name:type=default");
    assertThatThrownBy(() -> TransitionCatalog.parse("Bounce a:float=1 a:float=2")).hasMessageContaining("declared twice");
    assertThatThrownBy(() -> TransitionCatalog.parse("  ")).hasMessageContaining("no transition name");
  }
}
