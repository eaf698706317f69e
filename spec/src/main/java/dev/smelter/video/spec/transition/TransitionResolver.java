package dev.smelter.video.spec.transition;

import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.TransitionParams;
import dev.smelter.video.spec.Diagnostics;
import dev.smelter.video.spec.EditSpec.TransitionSpec;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNull;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Resolves one transition spec the way Editly 0.14.2 does ({@code transitions.js}), but validates
 * names, easings and params up front instead of crashing mid-render.
 */
public final class TransitionResolver {
  /** What Editly 0.14.2's {@code random} picks from. */
  public static final List<String> RANDOM_SET = List.of(
      "fade", "fadegrayscale", "directionalwarp", "crosswarp", "dreamyzoom", "burn", "crosszoom",
      "simplezoom", "linearblur", "directional-left", "directional-right", "directional-up", "directional-down");

  private static final Map<String, double[]> DIRECTIONAL_ALIASES = Map.of(
      "directional-left", new double[] {1, 0},
      "directional-right", new double[] {-1, 0},
      "directional-up", new double[] {0, -1},
      "directional-down", new double[] {0, 1});

  /** ffmpeg afade/acrossfade curve names. */
  public static final Set<String> AUDIO_CURVES = Set.of(
      "tri", "qsin", "hsin", "esin", "log", "ipar", "qua", "cub", "squ", "cbr", "par", "exp", "iqsin",
      "ihsin", "dese", "desi", "losi", "sinc", "isinc", "quat", "quatr", "qsin2", "hsin2", "nofade");

  /** A transition before duration clamping. */
  public record Resolved(String name, String requestedName, double duration, Easing easing, TransitionParams params, String outCurve, String inCurve) {}

  private final Diagnostics diag;

  public TransitionResolver(Diagnostics diag) {
    this.diag = diag;
  }

  /** Empty when the spec means "no transition" (duration 0 or absent). */
  public Optional<Resolved> resolve(TransitionSpec spec, RandomGenerator rng) {
    double duration = spec.duration().orElse(0);
    if (duration == 0) return Optional.empty();
    if (spec.name().isEmpty() || spec.name().get().isEmpty()) {
      diag.error(spec.at() + ".name", "Please specify transition name or set duration to 0");
      return Optional.empty();
    }
    String requested = spec.name().get();
    // Editly draws `random` from names it spells in lower case; a user's spelling is kept for the
    // (case-sensitive) default-easing rule below.
    String spelled = requested.toLowerCase(Locale.ROOT).equals("random") ? RANDOM_SET.get(rng.nextInt(RANDOM_SET.size())) : requested;
    String name = spelled.toLowerCase(Locale.ROOT);

    Map<String, double[]> params = new LinkedHashMap<>();
    String canonical;
    if (name.equals("dummy")) {
      canonical = "dummy";
    } else {
      double[] aliasDirection = DIRECTIONAL_ALIASES.get(name);
      String lookup = aliasDirection != null ? "directional" : name;
      Optional<TransitionCatalog.Entry> entry = TransitionCatalog.find(lookup);
      if (entry.isEmpty()) {
        diag.error(spec.at() + ".name", "unknown transition \"" + requested + "\"" + suggestion(name));
        return Optional.empty();
      }
      canonical = entry.get().name().toLowerCase(Locale.ROOT);
      entry.get().params().forEach((k, p) -> params.put(k, p.defaults().clone()));
      spec.params().ifPresent(user -> user.members().forEach((k, v) -> {
        TransitionCatalog.Param declared = entry.get().params().get(k);
        String at = spec.at() + ".params." + k;
        if (declared == null) {
          diag.warn(at, "not a declared param of " + entry.get().name() + " (ignored, as Editly does)");
          return;
        }
        toVector(v, declared.size()).ifPresentOrElse(
            vec -> params.put(k, vec),
            () -> diag.error(at, "expected " + (declared.bool() ? "true/false" : declared.size() == 1 ? "a number" : "an array of " + declared.size() + " numbers") + " but got " + JsonValue.describe(v)));
      }));
      if (aliasDirection != null) params.put("direction", aliasDirection.clone());
    }

    // Editly defaults to easeOutExpo only for the exact name "directional" (its aliases resolve to
    // it); a capitalised "Directional" stays linear.
    boolean expoByDefault = spelled.equals("directional") || DIRECTIONAL_ALIASES.containsKey(spelled);
    Easing easing = easing(spec, expoByDefault);
    String out = curve(spec.audioOutCurve(), spec.at() + ".audioOutCurve");
    String in = curve(spec.audioInCurve(), spec.at() + ".audioInCurve");
    return Optional.of(new Resolved(canonical, requested, duration, easing, new TransitionParams(params), out, in));
  }

  private Easing easing(TransitionSpec spec, boolean expoByDefault) {
    if (spec.easing().isEmpty()) return expoByDefault ? Easing.EASE_OUT_EXPO : Easing.LINEAR;
    JsonValue e = spec.easing().get();
    if (e instanceof JNull) return Easing.LINEAR;
    String name = ((JString) e).value();
    Optional<Easing> found = Easing.fromEditly(name);
    if (found.isEmpty()) {
      diag.error(spec.at() + ".easing", "unknown easing \"" + name + "\" (known: linear, easeOutExpo, easeInOutCubic, or null)");
      return Easing.LINEAR;
    }
    return found.get();
  }

  private String curve(Optional<String> c, String at) {
    String v = c.orElse("tri");
    if (!AUDIO_CURVES.contains(v)) {
      diag.error(at, "unknown audio curve \"" + v + "\" (known: " + String.join(", ", AUDIO_CURVES.stream().sorted().toList()) + ")");
      return "tri";
    }
    return v;
  }

  private static Optional<double[]> toVector(JsonValue v, int size) {
    return switch (v) {
      case JNumber n when size == 1 -> Optional.of(new double[] {n.value()});
      case JBool b when size == 1 -> Optional.of(new double[] {b.value() ? 1 : 0});
      case JArray a when a.items().size() == size -> {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
          if (!(a.items().get(i) instanceof JNumber n)) yield Optional.empty();
          out[i] = n.value();
        }
        yield Optional.of(out);
      }
      default -> Optional.empty();
    };
  }

  private static String suggestion(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : TransitionCatalog.all().keySet()) {
      int d = distance(name, candidate);
      if (d < bestDistance) { bestDistance = d; best = TransitionCatalog.all().get(candidate).name(); }
    }
    return best != null && bestDistance <= Math.max(1, name.length() / 3) ? " (did you mean \"" + best + "\"?)" : " (see docs/fidelity-transitions.md for the 125 names, plus directional-left/right/up/down, random and dummy)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev; prev = cur; cur = t;
    }
    return prev[b.length()];
  }
}
