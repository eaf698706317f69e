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
