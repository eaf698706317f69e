package dev.smelter.video.spec;

import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNull;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Typed, path-aware reads of one JSON object. Type mismatches are reported as errors naming the
 * key's path; keys nobody asked for are reported by {@link #warnUnknown()} as warnings (Editly
 * silently ignores them, which hides typos like {@code zoomDirecton}).
 *
 * <p>An explicit {@code null} reads as absent, except through {@link #isNull(String)}.
 */
public final class Fields {
  private final JObject obj;
  private final String path;
  private final Diagnostics diag;
  private final Set<String> used = new HashSet<>();

  public Fields(JObject obj, String path, Diagnostics diag) {
    this.obj = obj;
    this.path = path;
    this.diag = diag;
  }

  public String path() {
    return path;
  }

  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public JObject object() {
    return obj;
  }

  public Diagnostics diagnostics() {
    return diag;
  }

  /** Marks keys as known without reading them. */
  public void accept(String... keys) {
    used.addAll(List.of(keys));
  }

  public boolean has(String key) {
    used.add(key);
    return obj.has(key);
  }

  /** Present and explicitly {@code null}. */
  public boolean isNull(String key) {
    used.add(key);
    return obj.get(key) instanceof JNull;
  }

  public Optional<JsonValue> raw(String key) {
    used.add(key);
    JsonValue v = obj.get(key);
    return v == null || v instanceof JNull ? Optional.empty() : Optional.of(v);
  }

  public OptionalDouble number(String key) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return OptionalDouble.empty();
    if (v.get() instanceof JNumber n && Double.isFinite(n.value())) return OptionalDouble.of(n.value());
    diag.error(pathOf(key), "expected a finite number but got " + describe(v.get()));
    return OptionalDouble.empty();
  }

  public double number(String key, double fallback) {
    return number(key).orElse(fallback);
  }

  /** A non-negative number. */
  public OptionalDouble nonNegative(String key) {
    OptionalDouble d = number(key);
    if (d.isPresent() && d.getAsDouble() < 0) {
      diag.error(pathOf(key), "must not be negative (got " + fmt(d.getAsDouble()) + ")");
      return OptionalDouble.empty();
    }
    return d;
  }

  /** Editly accepts numbers or numeric strings for volumes/weights ({@code "50"}). */
  public OptionalDouble numberOrNumericString(String key) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return OptionalDouble.empty();
    if (v.get() instanceof JNumber n && Double.isFinite(n.value())) return OptionalDouble.of(n.value());
    if (v.get() instanceof JString s) {
      try {
        return OptionalDouble.of(Double.parseDouble(s.value().trim()));
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    diag.error(pathOf(key), "expected a number but got " + describe(v.get()));
    return OptionalDouble.empty();
  }

  public Optional<String> string(String key) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return Optional.empty();
    if (v.get() instanceof JString s) return Optional.of(s.value());
    diag.error(pathOf(key), "expected a string but got " + describe(v.get()));
    return Optional.empty();
  }

  /** Text content: strings as they are, numbers as JavaScript would print them. */
  public Optional<String> text(String key) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return Optional.empty();
    if (v.get() instanceof JNumber n) {
      double d = n.value();
      return Optional.of(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    }
    return string(key);
  }

  /**
   * Editly's options are read with JavaScript truthiness, never type-checked: {@code 0}, {@code ""}
   * and {@code null} are false, any other number, string, object or array is true. A string that
   * reads as the opposite ({@code "false"}, {@code "0"}) is still true there, so it is warned about.
   */
  public boolean bool(String key, boolean fallback) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return fallback;
    if (v.get() instanceof JBool b) return b.value();
    boolean truthy = truthy(v.get());
    if (v.get() instanceof JString s && (s.value().strip().equalsIgnoreCase("false") || s.value().strip().equals("0"))) {
      diag.warn(pathOf(key), "the string \"" + s.value() + "\" counts as true, as in Editly (a non-empty string is truthy); "
          + "send false to turn it off");
    }
    return truthy;
  }

  /** JavaScript truthiness of a JSON value. */
  static boolean truthy(JsonValue v) {
    return switch (v) {
      case JBool b -> b.value();
      case JNumber n -> n.value() != 0 && !Double.isNaN(n.value());
      case JString s -> !s.value().isEmpty();
      case JNull n -> false;
      default -> true;
    };
  }

  public Optional<JObject> object(String key) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return Optional.empty();
    if (v.get() instanceof JObject o) return Optional.of(o);
    diag.error(pathOf(key), "expected an object but got " + describe(v.get()));
    return Optional.empty();
  }

  public Optional<JArray> array(String key) {
    Optional<JsonValue> v = raw(key);
    if (v.isEmpty()) return Optional.empty();
    if (v.get() instanceof JArray a) return Optional.of(a);
    diag.error(pathOf(key), "expected an array but got " + describe(v.get()));
    return Optional.empty();
  }

  public void warnUnknown() {
    for (String key : obj.members().keySet()) {
      if (!used.contains(key)) diag.warn(pathOf(key), "unknown key (ignored)");
    }
  }

  static String describe(JsonValue v) {
    String d = JsonValue.describe(v);
    if (v instanceof JString s) d += " \"" + s.value() + "\"";
    return d;
  }

  public static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
