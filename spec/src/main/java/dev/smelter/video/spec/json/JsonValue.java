package dev.smelter.video.spec.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON/JSON5 value. Explicit {@code null} is a value ({@link JNull}) distinct from an absent
 * key, because Editly gives them different meanings (e.g. {@code transition: null} vs no transition).
 */
public sealed interface JsonValue {
  record JObject(Map<String, JsonValue> members) implements JsonValue {
    public JObject {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public static final JObject EMPTY = new JObject(Map.of());

    public boolean has(String key) {
      return members.containsKey(key);
    }

    public JsonValue get(String key) {
      return members.get(key);
    }

    /** Shallow merge: keys of {@code over} replace keys of this object (JS object spread). */
    public JObject mergedWith(JObject over) {
      Map<String, JsonValue> m = new LinkedHashMap<>(members);
      m.putAll(over.members);
      return new JObject(m);
    }
  }

  record JArray(List<JsonValue> items) implements JsonValue {
    public JArray {
      items = List.copyOf(items);
    }
  }

  record JString(String value) implements JsonValue {}

  record JNumber(double value) implements JsonValue {}

  record JBool(boolean value) implements JsonValue {}

  enum JNull implements JsonValue { INSTANCE }

  /** A short type name for error messages ("a string", "a number", ...). */
  static String describe(JsonValue v) {
    return switch (v) {
      case JObject o -> "an object";
      case JArray a -> "an array";
      case JString s -> "a string";
      case JNumber n -> "a number";
      case JBool b -> "a boolean";
      case JNull n -> "null";
    };
  }

  /** Back to plain JSON text (used to record specs and in messages). */
  static String toJson(JsonValue v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  private static void write(JsonValue v, StringBuilder sb) {
    switch (v) {
      case JObject o -> {
        sb.append('{');
        boolean first = true;
        for (var e : o.members().entrySet()) {
          if (!first) sb.append(',');
          first = false;
          writeString(e.getKey(), sb);
          sb.append(':');
          write(e.getValue(), sb);
        }
        sb.append('}');
      }
      case JArray a -> {
        sb.append('[');
        for (int i = 0; i < a.items().size(); i++) {
          if (i > 0) sb.append(',');
          write(a.items().get(i), sb);
        }
        sb.append(']');
      }
      case JString s -> writeString(s.value(), sb);
      case JNumber n -> {
        double d = n.value();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d); else sb.append(d);
      }
      case JBool b -> sb.append(b.value());
      case JNull n -> sb.append("null");
    }
  }

  private static void writeString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
