package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.blue;
import static dev.smelter.video.render.compose.Pictures.coveredHeight;
import static dev.smelter.video.render.compose.Pictures.coveredWidth;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static dev.smelter.video.render.compose.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayAndGradientTest {
  private static final int W = 64, H = 112, FPS = 10;

  @TempDir Path dir;

  private static Surface renderOne(VisualLayer layer, int frame) {
    RenderPlan plan = TestPlans.of(W, H, FPS).clip(2, c -> List.of(layer)).build();
    Surface s = Pictures.surface(W, H);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE)) {
      compositor.render(frame, s);
    }
    return s;
  }

  private static VisualLayer.ImageOverlay overlay(Path file, Position position, OptionalDouble width, OptionalDouble height) {
    return new VisualLayer.ImageOverlay("clips[0].layers[0]", LayerWindow.whole(2), file, position, width, height, KenBurns.NONE);
  }

  @Test
  void pngOverlayIsSizedByRelativeWidthAndPlacedByItsOrigin() throws Exception {
    Path png = Pictures.png(dir, "logo.png", Pictures.bands(100, 50, 0xFFFF0000));
    Position topLeft = new Position(0, 0, Position.OriginX.LEFT, Position.OriginY.TOP);
    try (Surface s = renderOne(overlay(png, topLeft, OptionalDouble.of(0.5), OptionalDouble.empty()), 0)) {
      assertThat(coveredWidth(s, 8)).isCloseTo(32, offset(0.05));
      assertThat(coveredHeight(s, 8)).isCloseTo(16, offset(0.05));
      assertThat(pixel(s, 16, 8)).isEqualTo(0xFFFF0000);
    }
    Position bottomRight = new Position(1, 1, Position.OriginX.RIGHT, Position.OriginY.BOTTOM);
    try (Surface s = renderOne(overlay(png, bottomRight, OptionalDouble.empty(), OptionalDouble.of(0.25)), 0)) {
      assertThat(coveredHeight(s, W - 2)).isCloseTo(28, offset(0.05)); // 0.25·112
      assertThat(coveredWidth(s, H - 2)).isCloseTo(56, offset(0.05));
      assertThat(alpha(pixel(s, 2, H - 2))).isZero();
    }
  }

  @Test
  void svgOverlayIsRenderedAtItsDrawnSize() throws Exception {
    Path svg = Files.writeString(dir.resolve("logo.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'><rect width='100' height='50' fill='#00ff00'/></svg>");
    try (Surface s = renderOne(overlay(svg, Position.CENTER, OptionalDouble.of(0.5), OptionalDouble.empty()), 0)) {
      assertThat(pixel(s, 32, 56)).isEqualTo(0xFF00FF00);
      assertThat(coveredHeight(s, 32)).isCloseTo(16, offset(0.05));
      assertThat(alpha(pixel(s, 32, 40))).isZero();
    }
  }

  @Test
  void linearGradientRunsFromTheRectCornerToTheFrameCentre() {
    VisualLayer gradient = new VisualLayer.LinearGradient("clips[0].layers[0]", LayerWindow.whole(2), new Rgba(255, 0, 0, 1), new Rgba(0, 0, 255, 1));
    try (Surface s = renderOne(gradient, 0)) {
      int corner = pixel(s, 0, 0); // halfway along the gradient
      assertThat(red(corner)).isCloseTo(128, offset(4));
      assertThat(blue(corner)).isCloseTo(128, offset(4));
      assertThat(pixel(s, W / 2, H / 2)).isEqualTo(0xFF0000FF);
      assertThat(pixel(s, W - 1, H - 1)).isEqualTo(0xFF0000FF);
    }
  }

  @Test
  void overlayZoomScalesAboutItsOriginOverTheLayer() throws Exception {
    // 100×50 at width 0.5 → 32×16 px unzoomed; zoom 'in' by 1 → ×(1 + p), 'out' by 1 → ×(2 − p).
    Path png = Pictures.png(dir, "logo.png", Pictures.bands(100, 50, 0xFFFF0000));
    VisualLayer in = new VisualLayer.ImageOverlay("clips[0].layers[0]", LayerWindow.whole(2), png, Position.CENTER,
        OptionalDouble.of(0.5), OptionalDouble.empty(), new KenBurns(KenBurns.Direction.IN, 1));
    try (Surface start = renderOne(in, 0); Surface half = renderOne(in, 10)) { // p = 0 and 0.5
      assertThat(coveredWidth(start, 56)).isCloseTo(32, offset(0.05));
      assertThat(coveredWidth(half, 56)).isCloseTo(48, offset(0.05));
      assertThat(coveredHeight(half, 32)).isCloseTo(24, offset(0.05));
      assertThat(pixel(half, 32 - 23, 56)).isEqualTo(0xFFFF0000); // centre origin: grows both ways
      assertThat(alpha(pixel(half, 32 - 25, 56))).isZero();
      assertThat(alpha(pixel(start, 32 - 17, 56))).isZero();
    }
    Position topLeft = new Position(0, 0, Position.OriginX.LEFT, Position.OriginY.TOP);
    VisualLayer out = new VisualLayer.ImageOverlay("clips[0].layers[0]", LayerWindow.whole(2), png, topLeft,
        OptionalDouble.of(0.5), OptionalDouble.empty(), new KenBurns(KenBurns.Direction.OUT, 1));
    try (Surface start = renderOne(out, 0); Surface half = renderOne(out, 10)) {
      assertThat(coveredWidth(start, 2)).isCloseTo(64, offset(0.05)); // ×2, anchored at the top-left corner
      assertThat(coveredHeight(start, 2)).isCloseTo(32, offset(0.05));
      assertThat(coveredWidth(half, 2)).isCloseTo(48, offset(0.05));
      assertThat(pixel(half, 0, 0)).isEqualTo(0xFFFF0000);
    }
  }

  /**
   * Red share of the linear gradient at pixel (x, y) with the rectangle turned by {@code degrees}:
   * the colour at the point rotated back about the centre, projected on (−W/2, −H/2) → (W/2, H/2).
   */
  private static double gradientRedAt(int x, int y, double degrees) {
    double a = Math.toRadians(degrees), vx = x + 0.5 - W / 2.0, vy = y + 0.5 - H / 2.0;
    double qx = W / 2.0 + Math.cos(a) * vx + Math.sin(a) * vy, qy = H / 2.0 - Math.sin(a) * vx + Math.cos(a) * vy;
    double t = ((qx + W / 2.0) * W + (qy + H / 2.0) * H) / ((double) W * W + (double) H * H);
    return 255 * (1 - Math.clamp(t, 0, 1));
  }

  @Test
  void linearGradientTurnsThirtyDegreesOverTheLayer() {
    VisualLayer gradient = new VisualLayer.LinearGradient("clips[0].layers[0]", LayerWindow.whole(2), new Rgba(255, 0, 0, 1), new Rgba(0, 0, 255, 1));
    try (Surface start = renderOne(gradient, 0); Surface half = renderOne(gradient, 10); Surface late = renderOne(gradient, 19)) {
      // top-right corner: red ≈ 64 unturned, ≈ 90 at 15° (p = 0.5), ≈ 108 at 28.5° (p = 0.95)
      assertThat((double) red(pixel(start, W - 1, 0))).isCloseTo(gradientRedAt(W - 1, 0, 0), offset(3.0));
      assertThat((double) red(pixel(half, W - 1, 0))).isCloseTo(gradientRedAt(W - 1, 0, 15), offset(3.0));
      assertThat((double) red(pixel(late, W - 1, 0))).isCloseTo(gradientRedAt(W - 1, 0, 28.5), offset(3.0));
      assertThat(red(pixel(half, W - 1, 0)) - red(pixel(start, W - 1, 0))).isGreaterThan(15);
      assertThat(pixel(half, W / 2, H / 2)).isEqualTo(0xFF0000FF); // the centre is the gradient's end
    }
  }

  @Test
  void gradientColoursAreInterpolatedUnpremultipliedAsInCairo() {
    // Editly's transparentGradient: from transparent black to 80 % blue over orange. Halfway the
    // gradient is half-dark blue at 40 %, not full blue at 40 %.
    Rgba orange = new Rgba(255, 102, 0, 1);
    RenderPlan plan = TestPlans.of(W, H, FPS).clip(2, c -> List.of(
        new VisualLayer.FillColor("clips[0].layers[0]", LayerWindow.whole(2), orange),
        new VisualLayer.LinearGradient("clips[0].layers[1]", LayerWindow.whole(2), new Rgba(0, 0, 0, 0), new Rgba(0, 0, 255, 0.8)))).build();
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(0, s);
      for (int[] at : new int[][] {{16, 20}, {40, 30}, {10, 60}}) {
        double x = at[0] + 0.5, y = at[1] + 0.5; // along (−W/2, −H/2) → (W/2, H/2)
        double t = ((x + W / 2.0) * W + (y + H / 2.0) * H) / ((double) W * W + (double) H * H);
        double alpha = 0.8 * t;
        int p = pixel(s, at[0], at[1]);
        assertThat(blue(p)).as("blue at %s", Arrays.toString(at)).isCloseTo((int) Math.round(255 * t * alpha), offset(3));
        assertThat(red(p)).as("red at %s", Arrays.toString(at)).isCloseTo((int) Math.round(255 * (1 - alpha)), offset(3));
      }
    }
  }

  @Test
  void radialGradientGrowsFromTheCentre() {
    VisualLayer gradient = new VisualLayer.RadialGradient("clips[0].layers[0]", LayerWindow.whole(2), new Rgba(255, 0, 0, 1), new Rgba(0, 0, 255, 1));
    try (Surface start = renderOne(gradient, 0); Surface end = renderOne(gradient, 19)) {
      assertThat(red(pixel(start, W / 2, H / 2))).isGreaterThan(250);
      // corner at 64.5 px from the centre; radius 67.2 at p = 0, 127 at p = 0.95
      assertThat(blue(pixel(start, 0, 0))).isGreaterThan(235);
      assertThat(blue(pixel(end, 0, 0))).isBetween(115, 140);
    }
  }
}
