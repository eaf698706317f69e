package dev.smelter.video.render.transition;

import static dev.smelter.video.render.transition.Frames.H;
import static dev.smelter.video.render.transition.Frames.W;
import static dev.smelter.video.render.transition.Frames.alpha;
import static dev.smelter.video.render.transition.Frames.blue;
import static dev.smelter.video.render.transition.Frames.green;
import static dev.smelter.video.render.transition.Frames.pixel;
import static dev.smelter.video.render.transition.Frames.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransitionsTest {
  private static final int RED = 0xFFFF0000, GREEN = 0xFF00FF00, BLUE = 0xFF0000FF, YELLOW = 0xFFFFFF00;
  private static final Image FROM = Frames.split(RED, GREEN, 0.5);
  private static final Image TO = Frames.split(BLUE, YELLOW, 0.5);

  /** Editly's {@code random} set plus dummy (every catalog name is covered by CatalogTransitionsTest). */
  static Iterable<String> names() {
    return java.util.List.of("fade", "fadegrayscale", "directionalwarp", "crosswarp", "dreamyzoom", "burn", "crosszoom",
        "simplezoom", "linearblur", "directional", "dummy");
  }

  @Test
  void registryIsCaseInsensitiveAndNamesTheSupportedSetOnUnknownNames() {
    assertThat(Transitions.byName("CrossZoom").name()).isEqualTo("crosszoom");
    assertThat(Transitions.byName("FADE").name()).isEqualTo("fade");
    assertThat(Transitions.byName("ZoomRigthWipe").name()).isEqualTo("zoomrigthwipe");
    // every name Editly 0.14.2 accepts, plus its own dummy
    assertThat(Transitions.names()).hasSize(126).contains("fade", "cube", "wipedown", "coord-from-in", "dummy")
        .containsAll(dev.smelter.video.spec.transition.TransitionCatalog.all().keySet());
    assertThat(Transitions.find("random")).isEmpty();
    assertThatThrownBy(() -> Transitions.byName("cubes")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cubes'").hasMessageContaining("crosswarp");
  }

  @ParameterizedTest
  @MethodSource("names")
  void startsAsTheOutgoingFrameAndEndsAsTheIncomingOne(String name) {
    Transition t = Transitions.byName(name);
    try (Surface start = Frames.draw(t, FROM, TO, 0, TransitionParams.NONE);
        Surface end = Frames.draw(t, FROM, TO, 0.999, TransitionParams.NONE)) {
      assertThat(Frames.meanDifference(Frames.pixels(start), Frames.pixels(FROM))).as("%s at 0", name).isLessThan(1.0);
      assertThat(Frames.meanDifference(Frames.pixels(end), Frames.pixels(TO))).as("%s at 0.999", name).isLessThan(2.0);
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void opaqueFramesGiveAnOpaqueBlendEverywhere(String name) {
    Transition t = Transitions.byName(name);
    for (double p : new double[] {0.25, 0.5, 0.75}) {
      try (Surface s = Frames.draw(t, FROM, TO, p, TransitionParams.NONE)) {
        for (int argb : Frames.pixels(s)) assertThat(alpha(argb)).as("%s at %s", name, p).isEqualTo(255);
      }
    }
  }

  @Test
  void fadeMidpointIsTheAverageColour() {
    try (Surface s = Frames.draw(Transitions.byName("fade"), Frames.solid(0xFFC82800), Frames.solid(0xFF0064FA), 0.5, TransitionParams.NONE)) {
      int c = pixel(s, 10, 10);
      assertThat(red(c)).isCloseTo(100, offset(2));
      assertThat(green(c)).isCloseTo(70, offset(2));
      assertThat(blue(c)).isCloseTo(125, offset(2));
      assertThat(alpha(c)).isEqualTo(255);
    }
  }

  @Test
  void burnLooksLikeFadeBecauseItsColourStaysZero() {
    Image a = Frames.solid(0xFFC82800), b = Frames.solid(0xFF0064FA);
    TransitionParams userColour = new TransitionParams(Map.of("color", new double[] {1, 0, 0}));
    try (Surface fade = Frames.draw(Transitions.byName("fade"), a, b, 0.3, TransitionParams.NONE);
        Surface burn = Frames.draw(Transitions.byName("burn"), a, b, 0.3, userColour)) {
      assertThat(Frames.pixels(burn)).isEqualTo(Frames.pixels(fade));
    }
  }

  @Test
  void directionalDownMovesContentUpWithTopRowAtUvZero() {
    // direction [0,1] (Editly's directional-down): output pixel uv shows from(uv + 0.5) → from's bottom half on top.
    TransitionParams down = new TransitionParams(Map.of("direction", new double[] {0, 1}));
    try (Surface s = Frames.draw(Transitions.byName("directional"), FROM, TO, 0.5, down)) {
      assertThat(pixel(s, W / 2, H / 4)).isEqualTo(GREEN); // from's bottom half moved up
      assertThat(pixel(s, W / 2, 3 * H / 4)).isEqualTo(BLUE); // to's top half entering from below
    }
  }

  @Test
  void directionalUpAndLeftMoveTheOtherWays() {
    TransitionParams up = new TransitionParams(Map.of("direction", new double[] {0, -1}));
    try (Surface s = Frames.draw(Transitions.byName("directional"), FROM, TO, 0.5, up)) {
      assertThat(pixel(s, W / 2, H / 4)).isEqualTo(YELLOW); // to's bottom half entering from above
      assertThat(pixel(s, W / 2, 3 * H / 4)).isEqualTo(RED); // from's top half moved down
    }
    TransitionParams left = new TransitionParams(Map.of("direction", new double[] {1, 0}));
    Image from = Frames.leftRight(RED, GREEN), to = Frames.leftRight(BLUE, YELLOW);
    try (Surface s = Frames.draw(Transitions.byName("directional"), from, to, 0.5, left)) {
      assertThat(pixel(s, W / 4, H / 2)).isEqualTo(GREEN); // from's right half moved left
      assertThat(pixel(s, 3 * W / 4, H / 2)).isEqualTo(BLUE); // to's left half entering from the right
    }
  }

  @Test
  void directionalDefaultsToDirectionZeroOne() {
    try (Surface s = Frames.draw(Transitions.byName("directional"), FROM, TO, 0.5, TransitionParams.NONE)) {
      assertThat(pixel(s, W / 2, H / 4)).isEqualTo(GREEN);
    }
  }

  @Test
  void dummySwitchesAfterHalfway() {
    Transition dummy = Transitions.byName("dummy");
    try (Surface at = Frames.draw(dummy, FROM, TO, 0.5, TransitionParams.NONE);
        Surface after = Frames.draw(dummy, FROM, TO, 0.5001, TransitionParams.NONE)) {
      assertThat(Frames.pixels(at)).isEqualTo(Frames.pixels(FROM));
      assertThat(Frames.pixels(after)).isEqualTo(Frames.pixels(TO));
    }
  }

  @Test
  void fadeGrayscaleIsMostlyGreyHalfway() {
    // intensity 0.3 at p=0.5: both sides keep smoothstep weight 0.198 of their colour.
    Image red = Frames.solid(RED);
    try (Surface s = Frames.draw(Transitions.byName("fadegrayscale"), red, red, 0.5, TransitionParams.NONE)) {
      int c = pixel(s, 5, 5);
      assertThat(red(c)).isCloseTo(94, offset(3));
      assertThat(green(c)).isCloseTo(43, offset(3));
      assertThat(blue(c)).isCloseTo(43, offset(3));
    }
  }

  @Test
  void crossWarpSweepsFromLeftToRight() {
    Image from = Frames.solid(RED), to = Frames.solid(BLUE);
    try (Surface s = Frames.draw(Transitions.byName("crosswarp"), from, to, 0.5, TransitionParams.NONE)) {
      assertThat(pixel(s, 0, H / 2)).isEqualTo(RED);
      assertThat(pixel(s, W - 1, H / 2)).isEqualTo(BLUE);
    }
  }

  @Test
  void directionalWarpWithDefaultDirectionRevealsTopRightFirst() {
    Image from = Frames.solid(RED), to = Frames.solid(BLUE);
    try (Surface s = Frames.draw(Transitions.byName("directionalwarp"), from, to, 0.5, TransitionParams.NONE)) {
      assertThat(pixel(s, W - 1, 0)).isEqualTo(BLUE);
      assertThat(pixel(s, 0, H - 1)).isEqualTo(RED);
    }
  }

  @Test
  void dreamyZoomFlashesWhiteAtTheMiddle() {
    try (Surface s = Frames.draw(Transitions.byName("dreamyzoom"), FROM, TO, 0.49, TransitionParams.NONE)) {
      int c = pixel(s, W / 2, H / 2);
      assertThat(Math.min(red(c), Math.min(green(c), blue(c)))).isGreaterThanOrEqualTo(245);
    }
  }

  @Test
  void simpleZoomMagnifiesTheOutgoingFrameAboutItsCentre() {
    // quickness 0.8, p=0.4: zoom 0.5 → 2× magnification, incoming not yet visible.
    Image band = Frames.split(RED, GREEN, 0.25);
    try (Surface zoomed = Frames.draw(Transitions.byName("simplezoom"), band, TO, 0.4, TransitionParams.NONE);
        Surface start = Frames.draw(Transitions.byName("simplezoom"), band, TO, 0, TransitionParams.NONE)) {
      assertThat(pixel(start, W / 2, (int) (0.05 * H))).isEqualTo(RED);
      assertThat(pixel(zoomed, W / 2, (int) (0.05 * H))).isEqualTo(GREEN); // samples row 0.275 of the original
    }
  }

  @Test
  void linearBlurSoftensEdgesOnlyInTheMiddle() {
    Transition blur = Transitions.byName("linearblur");
    int edgeRow = H / 2;
    try (Surface sharp = Frames.draw(blur, FROM, FROM, 0, TransitionParams.NONE);
        Surface soft = Frames.draw(blur, FROM, FROM, 0.5, TransitionParams.NONE)) {
      assertThat(pixel(sharp, W / 2, edgeRow)).isEqualTo(GREEN);
      int c = pixel(soft, W / 2, edgeRow);
      assertThat(red(c)).isBetween(40, 215);
      assertThat(green(c)).isBetween(40, 215);
    }
  }

  @Test
  void crossZoomBlursLargeFramesAtAReducedSizeWithinItsBudget() {
    assertThat(CrossZoom.workingFactor(540, 960)).isEqualTo(1);
    assertThat(CrossZoom.workingFactor(1080, 1920)).isEqualTo(2);
    assertThat(CrossZoom.workingFactor(1920, 1080)).isEqualTo(2);
    assertThat(CrossZoom.workingFactor(3840, 2160)).isEqualTo(4);
    // The reduced path still fills the whole frame with the blurred mix (1100×480 → 550×240).
    int w = 1100, h = 480;
    Image red = solid(w, h, RED), blue = solid(w, h, BLUE);
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(w, h))) {
      s.getCanvas().clear(0);
      Transitions.byName("crosszoom").draw(s.getCanvas(), red, blue, 0.5, TransitionParams.NONE, w, h);
      for (int[] at : new int[][] {{0, 0}, {w / 2, h / 2}, {w - 1, h - 1}}) {
        int c = pixel(s, at[0], at[1]);
        assertThat(alpha(c)).isEqualTo(255);
        assertThat(red(c)).isCloseTo(128, offset(3));
        assertThat(blue(c)).isCloseTo(128, offset(3));
      }
    }
  }

  private static Image solid(int w, int h, int argb) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(w, h))) {
      s.getCanvas().clear(argb);
      return s.makeImageSnapshot();
    }
  }

  @Test
  void crossZoomDissolvesHalfwayAtTheMiddle() {
    Image red = Frames.solid(RED), blue = Frames.solid(BLUE);
    try (Surface s = Frames.draw(Transitions.byName("crosszoom"), red, blue, 0.5, TransitionParams.NONE)) {
      int c = pixel(s, W / 2, H / 2);
      assertThat(red(c)).isCloseTo(128, offset(3));
      assertThat(blue(c)).isCloseTo(128, offset(3));
    }
  }
}
