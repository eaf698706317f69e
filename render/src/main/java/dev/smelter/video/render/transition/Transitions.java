package dev.smelter.video.render.transition;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The transitions the Skia compositor can draw, by gl-transitions name (case-insensitive). This is
 * the set Editly's {@code random} draws from plus {@code dummy}; Editly's
 * {@code directional-left/right/up/down} arrive here already resolved by the planner to
 * {@code directional} with a {@code direction} param.
 */
public final class Transitions {
  private static final Map<String, Transition> BY_NAME = index(
      new Fade(), new FadeGrayscale(), new DirectionalWarp(), new CrossWarp(), new DreamyZoom(), new Burn(),
      new CrossZoom(), new SimpleZoom(), new LinearBlur(), new Directional(), new Dummy());

  private Transitions() {}

  /** The transition called {@code name} in any letter case, or empty when it is not implemented. */
  public static Optional<Transition> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * @throws IllegalArgumentException naming the supported transitions when {@code name} is unknown
   */
  public static Transition byName(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "transition '" + name + "' is not supported by the Skia compositor; supported: " + String.join(", ", names())));
  }

  /** Supported names, lower case, sorted. */
  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  private static Map<String, Transition> index(Transition... transitions) {
    Map<String, Transition> byName = new TreeMap<>();
    Stream.of(transitions).forEach(t -> byName.put(t.name(), t));
    return java.util.Collections.unmodifiableMap(byName);
  }
}
