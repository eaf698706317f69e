package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.TransitionParams;
import dev.smelter.video.spec.transition.TransitionCatalog;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every name Editly 0.14.2 accepts renders, starts as the outgoing frame and (mostly) ends as the incoming one. */
class CatalogTransitionsTest {
  private static final Image FROM = Frames.textured(false);
  private static final Image TO = Frames.textured(true);

  /**
   * Names whose defined last frames are not the incoming frame: {@code drop_zone_flicker}'s scripted
   * last step (progress ≥ 23/24) still carries glitch 0.28 (ghosting, scan lines, RGB split); it only
   * becomes the incoming frame at exactly 1, which Editly never renders.
   */
  static final Set<String> NOT_INCOMING_AT_END = Set.of("drop_zone_flicker");

  /**
   * Names whose ends are the frames only up to a slight blur: {@code tangentmotionblur} smears along
   * its swing even at progress 0 and 1 (blur weight e^−5 of the peak, wrapping at the edges).
   */
  static final Set<String> BLURRED_AT_ENDS = Set.of("tangentmotionblur");

  static Iterable<String> names() {
    return TransitionCatalog.all().keySet();
  }

  /** The catalog defaults, as the planner merges them when a spec gives no params. */
  static TransitionParams defaults(String name) {
    Map<String, double[]> values = new LinkedHashMap<>();
    TransitionCatalog.find(name).orElseThrow().params().forEach((k, p) -> values.put(k, p.defaults()));
    return new TransitionParams(values);
  }

  @ParameterizedTest
  @MethodSource("names")
  void rendersOpaqueFromOutgoingToIncoming(String name) {
    Transition t = Transitions.find(name).orElseThrow(() -> new AssertionError(name + " is not registered"));
    TransitionParams params = defaults(name);
    try (Surface start = Frames.draw(t, FROM, TO, 0, params);
        Surface middle = Frames.draw(t, FROM, TO, 0.5, params);
        Surface end = Frames.draw(t, FROM, TO, 0.9999, params)) {
      double startError = Frames.meanDifference(Frames.pixels(start), Frames.pixels(FROM));
      assertThat(startError).as("%s at 0", name).isLessThan(BLURRED_AT_ENDS.contains(name) ? 6.0 : 2.0);
      if (!NOT_INCOMING_AT_END.contains(name)) {
        assertThat(Frames.meanDifference(Frames.pixels(end), Frames.pixels(TO))).as("%s at 0.9999", name)
            .isLessThan(BLURRED_AT_ENDS.contains(name) ? 6.0 : 3.0);
      }
      for (Surface s : new Surface[] {start, middle, end}) {
        for (int argb : Frames.pixels(s)) assertThat(Frames.alpha(argb)).as("%s alpha", name).isEqualTo(255);
      }
    }
  }
}
