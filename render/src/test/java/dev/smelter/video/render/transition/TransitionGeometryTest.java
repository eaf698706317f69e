package dev.smelter.video.render.transition;

import static dev.smelter.video.render.transition.Frames.H;
import static dev.smelter.video.render.transition.Frames.W;
import static dev.smelter.video.render.transition.Frames.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the incoming frame shows up, for transitions whose geometry is easy to state, in Editly's
 * orientation (uv.y = 0 is the top row). Outgoing frame solid red, incoming solid blue.
 */
class TransitionGeometryTest {
  private static final int RED = 0xFFFF0000, BLUE = 0xFF0000FF, BLACK = 0xFF000000, WHITE = 0xFFFFFFFF;
  private static final Image FROM = Frames.solid(RED);
  private static final Image TO = Frames.solid(BLUE);

  private static Surface draw(String name, double progress) {
    return draw(name, progress, CatalogTransitionsTest.defaults(name));
  }

  private static Surface draw(String name, double progress, TransitionParams params) {
    return Frames.draw(Transitions.byName(name), FROM, TO, progress, params);
  }

  @Test
  void wipeDownRevealsFromTheBottomAndWipeUpFromTheTop() {
    try (Surface down = draw("wipeDown", 0.3); Surface up = draw("WIPEUP", 0.3)) {
      assertThat(pixel(down, W / 2, H - 1)).isEqualTo(BLUE);
      assertThat(pixel(down, W / 2, 0)).isEqualTo(RED);
      assertThat(pixel(down, W / 2, (int) (0.6 * H))).isEqualTo(RED);
      assertThat(pixel(up, W / 2, 0)).isEqualTo(BLUE);
      assertThat(pixel(up, W / 2, H - 1)).isEqualTo(RED);
    }
  }

  @Test
  void wipeLeftRevealsFromTheRightAndWipeRightFromTheLeft() {
    try (Surface left = draw("wipeleft", 0.3); Surface right = draw("wipeRight", 0.3)) {
      assertThat(pixel(left, W - 1, H / 2)).isEqualTo(BLUE);
      assertThat(pixel(left, 0, H / 2)).isEqualTo(RED);
      assertThat(pixel(right, 0, H / 2)).isEqualTo(BLUE);
      assertThat(pixel(right, W - 1, H / 2)).isEqualTo(RED);
    }
  }

  @Test
  void circleOpenGrowsFromTheCentreAndClosingShrinksTheOutgoingFrameIntoIt() {
    try (Surface open = draw("circleopen", 0.3);
        Surface close = draw("circleopen", 0.3, new TransitionParams(Map.of("smoothness", new double[] {0.3}, "opening", new double[] {0})))) {
      assertThat(pixel(open, W / 2, H / 2)).isEqualTo(BLUE);
      assertThat(pixel(open, 0, 0)).isEqualTo(RED);
      assertThat(pixel(close, W / 2, H / 2)).isEqualTo(RED);
      assertThat(pixel(close, 0, 0)).isEqualTo(BLUE);
    }
  }

  /** Soft-edged transitions land within a step or two of the pure colours. */
  private static void assertNear(int actual, int expected) {
    for (int shift = 0; shift < 24; shift += 8) {
      assertThat(actual >> shift & 0xFF).as("%08x vs %08x", actual, expected).isCloseTo(expected >> shift & 0xFF, offset(4));
    }
  }

  @Test
  void openAndCloseTransitionsWorkFromAndTowardsTheCentreLines() {
    try (Surface horizontal = draw("HorizontalOpen", 0.5); Surface vertical = draw("VerticalOpen", 0.5);
        Surface closing = draw("HorizontalClose", 0.5)) {
      assertNear(pixel(horizontal, W / 2, H / 2), BLUE);
      assertNear(pixel(horizontal, W / 2, 0), RED);
      assertNear(pixel(vertical, W / 2, H / 2), BLUE);
      assertNear(pixel(vertical, 0, H / 2), RED);
      assertNear(pixel(closing, W / 2, 0), BLUE);
      assertNear(pixel(closing, W / 2, H / 2), RED);
    }
  }

  @Test
  void staticWipeRevealsFromTheBottomByDefault() {
    // a negligible static band, so only the wipe's direction is seen
    TransitionParams thinStatic = new TransitionParams(Map.of("u_transitionUpToDown", new double[] {1}, "u_max_static_span", new double[] {1e-3}));
    try (Surface s = draw("static_wipe", 0.3, thinStatic)) {
      assertThat(pixel(s, W / 2, H - 1)).isEqualTo(BLUE);
      assertThat(pixel(s, W / 2, 0)).isEqualTo(RED);
    }
  }

  @Test
  void topBottomSlidesTheIncomingFrameDownFromTheTop() {
    try (Surface s = draw("TopBottom", 0.3)) {
      assertThat(pixel(s, W / 2, 2)).isEqualTo(BLUE);
      assertThat(Frames.red(pixel(s, W / 2, H / 2))).isGreaterThan(100); // the darkening outgoing frame
      assertThat(Frames.blue(pixel(s, W / 2, H / 2))).isZero();
    }
  }

  @Test
  void bounceLiftsTheOutgoingFrameThroughTheTopEdge() {
    // p = 0.1: the outgoing frame's lower edge is at y ≈ 0.5; below it (past the shadow) the incoming frame.
    try (Surface s = draw("Bounce", 0.1)) {
      assertThat(pixel(s, W / 2, 2)).isEqualTo(RED);
      assertThat(pixel(s, W / 2, H - 2)).isEqualTo(BLUE);
    }
  }

  @Test
  void squeezePressesTheOutgoingFrameIntoTheHorizontalCentreLine() {
    try (Surface s = draw("squeeze", 0.5)) {
      assertThat(pixel(s, W / 2, H / 2)).isEqualTo(RED);
      assertThat(pixel(s, W / 2, 3)).isEqualTo(BLUE);
      assertThat(pixel(s, W / 2, H - 3)).isEqualTo(BLUE);
    }
  }

  @Test
  void boxShrinksTheOutgoingFrameIntoTheCentreByDefault() {
    try (Surface s = draw("Box", 0.5)) {
      assertThat(pixel(s, W / 2, H / 2)).isEqualTo(RED);
      assertThat(pixel(s, 1, 1)).isEqualTo(BLUE);
    }
  }

  @Test
  void circleIsAllBackColourAtTheMidpoint() {
    try (Surface s = draw("circle", 0.5)) {
      int c = pixel(s, W / 2, H / 2);
      assertThat(Frames.red(c)).isCloseTo(26, offset(1));
      assertThat(Frames.green(c)).isCloseTo(26, offset(1));
      assertThat(Frames.blue(c)).isCloseTo(26, offset(1));
    }
  }

  @Test
  void fadeColourPassesThroughBlackAtTheMidpoint() {
    try (Surface s = draw("fadecolor", 0.5)) {
      int c = pixel(s, W / 2, H / 2);
      assertThat(Frames.red(c) + Frames.blue(c)).isLessThan(40);
    }
  }

  @Test
  void directionalEasingMovesContentUpForDirectionZeroOne() {
    Image from = Frames.split(RED, WHITE, 0.5);
    try (Surface s = Frames.draw(Transitions.byName("directional-easing"), from, TO, 0.2, CatalogTransitionsTest.defaults("directional-easing"))) {
      // eased √((2−p)p) = 0.6 of the height moved up: the top now shows the outgoing frame's white lower half.
      assertThat(pixel(s, W / 2, 2)).isEqualTo(WHITE);
      assertThat(pixel(s, W / 2, H - 2)).isEqualTo(BLUE);
    }
  }

  @Test
  void lumaUsesTheOutgoingFramesRedChannelAsItsMatte() {
    // Editly binds no matte: the unbound sampler reads texture unit 0, the outgoing frame.
    Image from = Frames.leftRight(BLACK, WHITE);
    try (Surface s = Frames.draw(Transitions.byName("luma"), from, TO, 0.5, TransitionParams.NONE)) {
      assertThat(pixel(s, W / 4, H / 2)).isEqualTo(BLUE);
      assertThat(pixel(s, 3 * W / 4, H / 2)).isEqualTo(WHITE);
    }
  }

  @Test
  void invertedPageCurlShowsTheGreyBackOfThePageInsideTheCurl() {
    // p = 4/7: the curl lies over the left edge; there the reference shows the page's back side, a
    // washed-out grey (Skia once returned the front colour here when sampling inside branches).
    try (Surface s = draw("InvertedPageCurl", 4.0 / 7)) {
      int c = pixel(s, 5, 50);
      assertThat(Frames.red(c)).isGreaterThan(150).isEqualTo(Frames.green(c)).isEqualTo(Frames.blue(c));
      assertThat(pixel(s, W - 2, 50)).isEqualTo(BLUE);
    }
  }

  /**
   * {@code directional} [0,1] at 0.3 (the seam 33.6 rows up, between pixel centres): every row is
   * wholly one frame, and the incoming frame's first row is its own top row, sampled with its edge
   * clamped as gl-transitions' {@code fract} does. Drawn as a repeating image, that row mixed the
   * incoming frame's top and bottom rows (60 % / 40 % here; up to 112/255 off Editly on pictures).
   */
  @Test
  void directionalSeamRowsAreWhollyOneFrameWithTheIncomingTopRowClamped() {
    int green = 0xFF00FF00;
    Image to = Frames.split(green, BLUE, 0.5);
    try (Surface s = Frames.draw(Transitions.byName("directional"), FROM, to, 0.3, CatalogTransitionsTest.defaults("directional"))) {
      for (int y = 0; y < H; y++) {
        assertThat(pixel(s, W / 2, y)).as("row %d", y).isEqualTo(y <= 77 ? RED : green);
      }
    }
  }
}
