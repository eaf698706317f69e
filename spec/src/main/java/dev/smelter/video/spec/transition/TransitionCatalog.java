package dev.smelter.video.spec.transition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The transition names Editly 0.14.2 accepts (gl-transitions 1.71.0, 125 names, matched
 * case-insensitively) with their declared params and defaults. Only declared params can be set from
 * a spec; {@code burn}'s colour is not declared (Editly renders it with colour 0).
 *
 * <p>The data is the resource table {@code transitions.txt} next to this class (transcribed from
 * the reference's Appendix A), read once; render checks each shader transition's header against it.
 */
public final class TransitionCatalog {
  /** A declared uniform: its default value and whether it is a boolean. */
  public record Param(String name, double[] defaults, boolean bool) {
    public int size() {
      return defaults.length;
    }
  }

  /** One gl-transitions entry under its original spelling. */
  public record Entry(String name, Map<String, Param> params) {
    /** Same spelling and the same params (names, order, types and defaults). */
    public boolean sameAs(Entry other) {
      if (!name.equals(other.name) || !List.copyOf(params.keySet()).equals(List.copyOf(other.params.keySet()))) return false;
      return params.values().stream().allMatch(p -> {
        Param q = other.params.get(p.name());
        return p.bool() == q.bool() && Arrays.equals(p.defaults(), q.defaults());
      });
    }
  }

  /** The table, one entry a line (format in its header comment). */
  private static final String TABLE = "transitions.txt";

  private static final Map<String, Entry> BY_LOWER_NAME = load();

  private TransitionCatalog() {}

  /**
   * One line of the table, {@code Name param:type=default ...}, as the table and a shader
   * transition's header write it (format: the comment atop {@code transitions.txt}).
   *
   * @throws IllegalArgumentException naming what is wrong with the line
   */
  public static Entry parse(String line) {
    String[] words = line.strip().split("\\s+");
    if (words[0].isEmpty()) throw new IllegalArgumentException("no transition name in '" + line + "'");
    Map<String, Param> params = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      Param param = parseParam(words[i]);
      if (params.put(param.name(), param) != null) throw new IllegalArgumentException("param '" + param.name() + "' declared twice in '" + line + "'");
    }
    return new Entry(words[0], Collections.unmodifiableMap(params));
  }

  private static Param parseParam(String word) {
    int colon = word.indexOf(':');
    int equals = word.indexOf('=', colon + 1);
    if (colon < 1 || equals < 0) throw new IllegalArgumentException("param '" + word + "' is not name:type=default");
    String type = word.substring(colon + 1, equals);
    String[] values = word.substring(equals + 1).split(",");
    double[] defaults = new double[values.length];
    for (int i = 0; i < values.length; i++) defaults[i] = Double.parseDouble(values[i]);
    boolean bool = type.equals("bool");
    int size = switch (type) {
      case "bool", "float" -> 1;
      case "float2" -> 2;
      case "float3" -> 3;
      case "float4" -> 4;
      default -> throw new IllegalArgumentException("param '" + word + "' has unknown type '" + type + "'");
    };
    if (defaults.length != size) throw new IllegalArgumentException("param '" + word + "' needs " + size + " default value(s)");
    return new Param(word.substring(0, colon), defaults, bool);
  }

  /** Reads the table once; a malformed line is a build defect, so it fails class initialisation. */
  private static Map<String, Entry> load() {
    Map<String, Entry> m = new LinkedHashMap<>();
    try (InputStream in = TransitionCatalog.class.getResourceAsStream(TABLE)) {
      if (in == null) throw new IllegalStateException("resource " + TABLE + " is missing");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        Entry entry = parse(line);
        if (m.put(entry.name().toLowerCase(Locale.ROOT), entry) != null) {
          throw new IllegalStateException(TABLE + " lists '" + entry.name() + "' twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Case-insensitive lookup, as Editly does. */
  public static Optional<Entry> find(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every entry keyed by lower-case name, in the package's order. */
  public static Map<String, Entry> all() {
    return BY_LOWER_NAME;
  }
}
