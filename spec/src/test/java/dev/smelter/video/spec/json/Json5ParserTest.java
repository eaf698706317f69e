package dev.smelter.video.spec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import org.junit.jupiter.api.Test;

class Json5ParserTest {
  @Test
  void readsTheJson5ThatEditlyExamplesUse() throws Exception {
    JsonValue v = Json5Parser.parse("""
        // a comment
        {
          width: 640, /* block */ 'height': 480,
          outPath: './out.mp4',
          fps: .5e1, neg: -0x10, plus: +3., inf: Infinity,
          text: 'it\\'s "quoted"\\
        continued',
          clips: [ { duration: 2, }, ],
        }
        """);
    JObject o = (JObject) v;
    assertThat(((JNumber) o.get("width")).value()).isEqualTo(640);
    assertThat(((JNumber) o.get("height")).value()).isEqualTo(480);
    assertThat(((JNumber) o.get("fps")).value()).isEqualTo(5);
    assertThat(((JNumber) o.get("neg")).value()).isEqualTo(-16);
    assertThat(((JNumber) o.get("plus")).value()).isEqualTo(3);
    assertThat(((JNumber) o.get("inf")).value()).isInfinite();
    assertThat(((JString) o.get("text")).value()).isEqualTo("it's \"quoted\"continued");
    assertThat(((JArray) o.get("clips")).items()).hasSize(1);
  }

  @Test
  void keepsExplicitNullApartFromAbsent() throws Exception {
    JObject o = (JObject) Json5Parser.parse("{transition: null}");
    assertThat(o.get("transition")).isSameAs(JsonValue.JNull.INSTANCE);
    assertThat(o.has("other")).isFalse();
  }

  @Test
  void reportsLineAndColumnOfSyntaxErrors() {
    assertThatThrownBy(() -> Json5Parser.parse("{\n  a: 1,,\n}"))
        .isInstanceOf(Json5SyntaxException.class)
        .hasMessage("JSON5: invalid character ',' where a key was expected at 2:8");
    assertThatThrownBy(() -> Json5Parser.parse("{a: 'open"))
        .hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> Json5Parser.parse("[1 2]"))
        .hasMessageContaining("expected ',' or ']' but found '2' at 1:4");
  }
}
