package dev.smelter.video.cli;

import dev.smelter.video.render.RenderResult;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CLI's {@code --json} documents. */
final class Json {
  private Json() {}

  /** {@code ok: true} and the render's result (its one JSON form: {@link RenderResult#jsonFields()}). */
  static String result(RenderResult r) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("ok", new JBool(true));
    m.putAll(r.jsonFields());
    return JsonValue.toJson(new JObject(m));
  }

  static String problems(List<Problem> problems) {
    List<JsonValue> items = problems.stream()
        .<JsonValue>map(p -> new JObject(Map.of("path", new JString(p.path()), "message", new JString(p.message()))))
        .toList();
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("ok", new JBool(false));
    m.put("exitCode", new JNumber(2));
    m.put("problems", new JArray(items));
    return JsonValue.toJson(new JObject(m));
  }

  static String error(String message, int code) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("ok", new JBool(false));
    m.put("exitCode", new JNumber(code));
    m.put("error", new JString(message));
    return JsonValue.toJson(new JObject(m));
  }
}
