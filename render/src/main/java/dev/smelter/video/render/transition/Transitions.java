package dev.smelter.video.render.transition;

import dev.smelter.video.spec.transition.TransitionCatalog;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The transitions the Skia compositor can draw, by gl-transitions name (case-insensitive): all 125
 * names of gl-transitions 1.71.0 that Editly 0.14.2 accepts, plus {@code dummy}. Editly's
 * {@code directional-left/right/up/down} arrive here already resolved by the planner to
 * {@code directional} with a {@code direction} param. Each instance is stateless and shared.
 *
 * <p>Adding a shader transition: its line in the spec module's {@code transitions.txt} and its file
 * {@code sksl/<Name>.sksl} (format: {@link TransitionShaders}); nothing here.
 */
public final class Transitions {
  /**
   * The transitions drawn by Java code: canvas operations, programs with their own params or
   * passes, and shader files whose program also needs per-frame uniforms. Every other catalogue
   * name is drawn by its shader file ({@link TransitionShaders}).
   */
  private static final List<Transition> IN_JAVA = List.of(
      new Fade(), new FadeGrayscale(), new DirectionalWarp(), new CrossWarp(), new DreamyZoom(), new Burn(),
      new CrossZoom(), new SimpleZoom(), new LinearBlur(), new Dummy(), new FilmBurn(), new Fragment());

  private static final Map<String, Transition> BY_NAME = index();

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

  /**
   * Every catalogue name with its Java class or else its shader file, plus {@code dummy}; a name
   * with neither fails class initialisation (a build defect the render module's tests find).
   */
  private static Map<String, Transition> index() {
    Map<String, Transition> byName = new TreeMap<>();
    for (Transition t : IN_JAVA) byName.put(t.name(), t);
    for (TransitionCatalog.Entry entry : TransitionCatalog.all().values()) {
      byName.computeIfAbsent(entry.name().toLowerCase(Locale.ROOT), lower -> TransitionShaders.find(entry.name())
          .<Transition>map(CatalogShaderTransition::new)
          .orElseThrow(() -> new IllegalStateException("transition '" + entry.name() + "' has neither a Java class nor a shader file")));
    }
    return Collections.unmodifiableMap(byName);
  }
}
