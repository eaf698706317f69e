package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.FontRef;
import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Surface;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleLayerTest {
  // 200×200: font size round(0.1·200) = 20, box 160 wide, one line 20·1.13 = 22.6 tall.
  private static final int SIZE = 200, FPS = 10;
  private static final FontRef BOLD_FILE = new FontRef.File(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));

  private static RenderPlan title(String text, FontRef font, Position position, KenBurns zoom) {
    return TestPlans.of(SIZE, SIZE, FPS)
        .clip(2, c -> List.of(new VisualLayer.Title("clips[0].layers[0]", LayerWindow.whole(2), text, Rgba.WHITE, font, position, zoom)))
        .build();
  }

  /** {minX, minY, maxX, maxY, ink} of pixels with any alpha; ink = Σ alpha/255. */
  private static double[] ink(Surface s) {
    double minX = SIZE, minY = SIZE, maxX = -1, maxY = -1, ink = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int a = alpha(pixel(s, x, y));
        if (a == 0) continue;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        ink += a / 255.0;
      }
    }
    return new double[] {minX, minY, maxX, maxY, ink};
  }

  private static double[] renderInk(RenderPlan plan, int frame) {
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(SIZE, SIZE)) {
      compositor.render(frame, s);
      return ink(s);
    }
  }

  @Test
  void aCentredTitleStaysInItsLineBand() {
    double[] box = renderInk(title("Hello", FontRef.DEFAULT, Position.CENTER, KenBurns.NONE), 0);
    assertThat(box[4]).isGreaterThan(50);
    // box rows 88.7..111.3; capitals rise ~0.73 em above the baseline at 88.7 + 17.6
    assertThat(box[1]).isBetween(88.0, 95.0);
    assertThat(box[3]).isBetween(100.0, 112.0);
    assertThat((box[0] + box[2]) / 2).isCloseTo(100, offset(3.0));
  }

  @Test
  void longTitlesWrapWithinEightyPercentOfTheWidth() {
    double[] box = renderInk(title("one two three four five six seven eight", FontRef.DEFAULT, Position.CENTER, KenBurns.NONE), 0);
    assertThat(box[0]).isGreaterThanOrEqualTo(20);
    assertThat(box[2]).isLessThanOrEqualTo(180);
    assertThat(box[3] - box[1]).isGreaterThan(2 * 26.2); // at least three lines, 26.2 px apart
  }

  @Test
  void aFontFileIsUsedForTheJob() {
    double regular = renderInk(title("Hello", new FontRef.Family("DejaVu Sans"), Position.CENTER, KenBurns.NONE), 0)[4];
    double bold = renderInk(title("Hello", BOLD_FILE, Position.CENTER, KenBurns.NONE), 0)[4];
    assertThat(bold).isGreaterThan(regular * 1.2);
  }

  @Test
  void positionAndZoomPlaceTheTextImageAboutItsOrigin() {
    Position topLeft = new Position(0.05, 0.05, Position.OriginX.LEFT, Position.OriginY.TOP);
    double[] start = renderInk(title("Hi", FontRef.DEFAULT, topLeft, new KenBurns(KenBurns.Direction.IN, 0.2)), 0);
    double[] end = renderInk(title("Hi", FontRef.DEFAULT, topLeft, new KenBurns(KenBurns.Direction.IN, 0.2)), 19);
    // the 160-wide box starts at x = 10; "Hi" is centred in it → ink around x = 90 at zoom 1
    assertThat((start[0] + start[2]) / 2).isCloseTo(90, offset(3.0));
    assertThat(start[1]).isBetween(10.0, 16.0);
    // zoom 1.19 about the top-left origin: the ink grows and moves right/down
    double scale = (end[2] - end[0]) / (start[2] - start[0]);
    assertThat(scale).isCloseTo(1.19, offset(0.06));
    assertThat((end[0] + end[2]) / 2).isCloseTo(10 + 80 * 1.19, offset(3.0));
  }

  @Test
  void aMissingFontFileFailsNamingTheLayer() {
    RenderPlan plan = title("Hello", new FontRef.File(Path.of("/nonexistent/font.ttf")), Position.CENTER, KenBurns.NONE);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(SIZE, SIZE)) {
      assertThatThrownBy(() -> compositor.render(0, s))
          .isInstanceOf(CompositionException.class).hasMessageContaining("clips[0].layers[0]").hasMessageContaining("font.ttf");
    }
  }
}
