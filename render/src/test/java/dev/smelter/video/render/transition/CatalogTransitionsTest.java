package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.TransitionParams;
import dev.smelter.video.spec.transition.TransitionCatalog;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every name Editly 0.14.2 accepts renders, starts as the outgoing frame, (mostly) ends as the
 * incoming one, and is a real blend halfway.
 */
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

  /** Halfway frames are checked with uniform frames, so a warp alone cannot make them pass. */
  private static final int OUTGOING = 0xFFE03020, INCOMING = 0xFF2040E0;

  /**
   * Names that at p = 0.5 still show only the outgoing frame (moved or zoomed, which a uniform frame
   * hides): {@code simplezoom} zooms in first and fades only after p = 0.6 (zoom_quickness 0.8 − 0.2);
   * {@code zoomincircles}, {@code zoomleftwipe} and {@code zoomrigthwipe} zoom the outgoing frame
   * before the incoming one appears; {@code dissolve}'s burning front has not reached any pixel of a
   * uniform frame yet; {@code luma}'s matte (the outgoing frame's red, 0xE0/255 = 0.88 here) is not
   * passed until p ≈ 0.88.
   */
  static final Set<String> OUTGOING_AT_HALF = Set.of("simplezoom", "zoomincircles", "zoomleftwipe", "zoomrigthwipe", "dissolve", "luma");

  /**
   * Names that at p = 0.5 already show only the incoming frame: {@code doomscreentransition}'s
   * columns fall with phase {@code p·(1 + 2·pos)}, pos ≥ 0.5 for every column with the defaults, so
   * all have left the frame; {@code tangentmotionblur} switches to the incoming frame when its eased
   * time (KeySpline .68,.01,.17,.98) passes 0.5, which it does at p = 0.5.
   */
  static final Set<String> INCOMING_AT_HALF = Set.of("doomscreentransition", "tangentmotionblur");

  /**
   * Names whose colour weight is the progress itself (a plain {@code mix(from, to, progress)} after a
   * warp, blur or zoom that a uniform frame hides), so the middle pixel at p = 0.5 is the 50 % mix.
   */
  static final Set<String> HALF_MIX_AT_HALF = Set.of("advancedmosaic", "butterflywavescrawler", "crosszoom", "defocusblur",
      "dreamy", "glitchmemories", "linearblur", "swirl", "waterdrop", "burn", "coord-from-in", "displacement", "fade",
      "flyeye", "hexagonalize", "kaleidoscope", "morph", "parametric_glitch", "pixelize", "powerkaleido",
      "rotatetransition", "rotate_scale_fade", "scale-in", "zoominout");

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

  @ParameterizedTest
  @MethodSource("names")
  void blendsHalfway(String name) {
    Transition t = Transitions.find(name).orElseThrow();
    try (Surface s = Frames.draw(t, Frames.solid(OUTGOING), Frames.solid(INCOMING), 0.5, defaults(name))) {
      int[] pixels = Frames.pixels(s);
      for (int argb : pixels) assertThat(Frames.alpha(argb)).as("%s alpha", name).isEqualTo(255);
      boolean allOutgoing = Arrays.stream(pixels).allMatch(p -> p == OUTGOING);
      boolean allIncoming = Arrays.stream(pixels).allMatch(p -> p == INCOMING);
      assertThat(allIncoming).as("%s is all incoming at 0.5", name).isEqualTo(INCOMING_AT_HALF.contains(name));
      assertThat(allOutgoing).as("%s is all outgoing at 0.5", name).isEqualTo(OUTGOING_AT_HALF.contains(name));
      if (HALF_MIX_AT_HALF.contains(name)) {
        int middle = Frames.pixel(s, Frames.W / 2, Frames.H / 2);
        assertThat(Frames.red(middle)).as("%s red", name).isCloseTo(0x80, Offset.offset(1));
        assertThat(Frames.green(middle)).as("%s green", name).isCloseTo(0x38, Offset.offset(1));
        assertThat(Frames.blue(middle)).as("%s blue", name).isCloseTo(0x80, Offset.offset(1));
      }
    }
  }

  /** Names whose GLSL multiplies the colour by the frame's alpha itself, so GL shows it darkened too. */
  static final Set<String> MULTIPLY_BY_ALPHA = Set.of("overexposure", "dissolve");

  @ParameterizedTest
  @MethodSource("names")
  void translucentFramesKeepTheirColoursAsInEditlysGl(String name) {
    // Editly's GL reads the clips' unpremultiplied pixels and the encoder drops the alpha: a clip at
    // half alpha shows its colour, not the colour darkened by half.
    Transition t = Transitions.find(name).orElseThrow();
    int halfOutgoing = 0x80000000 | (OUTGOING & 0xFFFFFF), halfIncoming = 0x80000000 | (INCOMING & 0xFFFFFF);
    double scale = MULTIPLY_BY_ALPHA.contains(name) ? 0x80 / 255.0 : 1;
    try (Surface s = Frames.draw(t, Frames.solid(halfOutgoing), Frames.solid(halfIncoming), 0, defaults(name))) {
      int p = Frames.pixel(s, 8, 10); // away from the centre, where some programs start from a point
      assertThat(Frames.red(p)).as("%s red at 0", name).isCloseTo((int) Math.round(0xE0 * scale), Offset.offset(3));
      assertThat(Frames.green(p)).as("%s green at 0", name).isCloseTo((int) Math.round(0x30 * scale), Offset.offset(3));
      assertThat(Frames.blue(p)).as("%s blue at 0", name).isCloseTo((int) Math.round(0x20 * scale), Offset.offset(3));
    }
  }
}
