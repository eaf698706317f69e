package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.blue;
import static dev.smelter.video.render.compose.Pictures.green;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static dev.smelter.video.render.compose.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.FontRef;
import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Surface;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** subtitle, news-title and slide-in-text at 200×200, 10 fps, 2 s: frame k has progress k/20. */
class TextLayersTest {
  private static final int SIZE = 200, FPS = 10;
  private static final String AT = "clips[0].layers[0]";
  private static final LayerWindow WHOLE = LayerWindow.whole(2);

  private static void render(VisualLayer layer, int frame, Consumer<Surface> check) {
    RenderPlan plan = TestPlans.of(SIZE, SIZE, FPS).clip(2, c -> List.of(layer)).build();
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(SIZE, SIZE)) {
      compositor.render(frame, s);
      check.accept(s);
    }
  }

  /** {minX, minY, maxX, maxY} of bright (text) pixels, or all −1 when there are none. */
  private static int[] brightBox(Surface s, int fromY, int toY) {
    int minX = -1, minY = -1, maxX = -1, maxY = -1;
    for (int y = fromY; y < toY; y++) {
      for (int x = 0; x < SIZE; x++) {
        int p = pixel(s, x, y);
        if (alpha(p) > 60 && green(p) > 200 && blue(p) > 200) {
          minX = minX < 0 ? x : Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = minY < 0 ? y : minY;
          maxY = y;
        }
      }
    }
    return new int[] {minX, minY, maxX, maxY};
  }

  private static boolean blank(Surface s) {
    for (int y = 0; y < SIZE; y++) for (int x = 0; x < SIZE; x++) if (alpha(pixel(s, x, y)) != 0) return false;
    return true;
  }

  private static VisualLayer.Subtitle subtitle(double delay, double speed) {
    return new VisualLayer.Subtitle(AT, WHOLE, "Hello subtitle", Rgba.WHITE, new Rgba(0, 0, 0, 0.3), FontRef.DEFAULT, delay, speed);
  }

  @Test
  void subtitleBoxSitsAtTheBottomWithTextHeightPlusPaddingAndEasedOpacity() {
    // min 200: pad 10, font 10, one line 11.3 tall → box 31.3 tall, rows 168.7..200
    render(subtitle(0, 1), 5, s -> {
      double e = 1 - Math.pow(2, -10 * 0.25); // easeOutExpo(0.25) = 0.823
      assertThat(alpha(pixel(s, 2, 195))).isCloseTo((int) Math.round(255 * 0.3 * e), offset(2));
      assertThat(alpha(pixel(s, 2, 170))).isCloseTo((int) Math.round(255 * 0.3 * e), offset(2));
      assertThat(alpha(pixel(s, 2, 167))).isZero();
      assertThat(Pictures.coveredHeight(s, 2) / (0.3 * e)).isCloseTo(31.3, offset(0.6));
      int[] text = brightBox(s, 150, 200);
      assertThat(text[1]).isBetween(178, 183); // box top 178.7, capitals start a little lower
      assertThat(text[3]).isLessThanOrEqualTo(190); // bottom anchored at H − pad
    });
    render(subtitle(0, 1), 0, s -> assertThat(blank(s)).isTrue());
  }

  @Test
  void subtitleTextSlidesRightByThePaddingAsItEasesIn() {
    int[] early = new int[1], late = new int[1];
    render(subtitle(0, 1), 2, s -> early[0] = brightBox(s, 150, 200)[0]); // e = 0.5 → 5 px left of rest
    render(subtitle(0, 1), 19, s -> late[0] = brightBox(s, 150, 200)[0]); // e ≈ 1
    assertThat(late[0]).isBetween(10, 12); // the box starts at pad = 10
    assertThat(late[0] - early[0]).isCloseTo(5, offset(1));
  }

  @Test
  void subtitleDelayAndSpeedShiftTheEasing() {
    render(subtitle(0.5, 2), 9, s -> assertThat(blank(s)).isTrue()); // p 0.45 < delay
    render(subtitle(0.5, 2), 11, s -> { // (0.55 − 0.5)·2 = 0.1 → e = 0.5
      assertThat(alpha(pixel(s, 2, 195))).isCloseTo((int) Math.round(255 * 0.3 * 0.5), offset(2));
    });
  }

  @Test
  void newsTitleBoxSlidesInFromTheLeftAheadOfTheText() {
    // font 10, top 16, padding 14 × 6: box rows 10..33.3, text from x = 14
    VisualLayer.NewsTitle news = new VisualLayer.NewsTitle(AT, WHOLE, "BREAKING", Rgba.WHITE, new Rgba(0xd0, 0x2a, 0x42, 1), FontRef.DEFAULT, 0, 1);
    double[] width = new double[2];
    render(news, 19, s -> {
      int p = pixel(s, 2, 20);
      assertThat(new int[] {red(p), green(p), blue(p)}).containsExactly(0xd0, 0x2a, 0x42);
      assertThat(alpha(pixel(s, 2, 9))).isZero();
      assertThat(alpha(pixel(s, 2, 11))).isEqualTo(255);
      assertThat(alpha(pixel(s, 2, 34))).isZero();
      int[] text = brightBox(s, 0, 60);
      assertThat(text[0]).isBetween(14, 16);
      assertThat(text[1]).isBetween(16, 20);
      width[1] = Pictures.coveredWidth(s, 12);
      assertThat(width[1]).isCloseTo(text[2] - 14 + 28, offset(4.0)); // text + 2 × 14 padding
    });
    render(news, 1, s -> { // p 0.05: box eased 1 − 2^−1.5 = 0.646 of the way; text still transparent
      width[0] = Pictures.coveredWidth(s, 12);
      assertThat(brightBox(s, 0, 60)[0]).isEqualTo(-1);
    });
    assertThat(width[0] / width[1]).isCloseTo(1 - Math.pow(2, -1.5), offset(0.02));
  }

  @Test
  void boxesSitHalfAPixelOnAsFabricPlacesARectWithItsDefaultStrokeWidth() {
    // Fabric sizes a rect with strokeWidth 1 even without a stroke: the fill starts at left + 0.5
    VisualLayer.NewsTitle news = new VisualLayer.NewsTitle(AT, WHOLE, "BREAKING", Rgba.WHITE, new Rgba(0xd0, 0x2a, 0x42, 1), FontRef.DEFAULT, 0, 1);
    render(news, 19, s -> { // box fully in: x from 0.5, rows from 10.5
      assertThat(alpha(pixel(s, 0, 20))).isCloseTo(128, offset(2));
      assertThat(alpha(pixel(s, 1, 20))).isEqualTo(255);
      assertThat(alpha(pixel(s, 2, 10))).isCloseTo(128, offset(2));
    });
    render(subtitle(0, 1), 19, s -> { // originY bottom at H: the fill ends at H − 0.5
      double a = 255 * 0.3 * (1 - Math.pow(2, -10 * 0.95));
      assertThat(alpha(pixel(s, 100, 198))).isCloseTo((int) Math.round(a), offset(2));
      assertThat(alpha(pixel(s, 100, SIZE - 1))).isCloseTo((int) Math.round(a / 2), offset(2));
      assertThat(alpha(pixel(s, 0, 198))).isCloseTo((int) Math.round(a / 2), offset(2));
    });
  }

  @Test
  void newsTitleCharSpacingWidensTheText() {
    VisualLayer.NewsTitle news = new VisualLayer.NewsTitle(AT, WHOLE, "WIDE", Rgba.WHITE, new Rgba(0xd0, 0x2a, 0x42, 1), FontRef.DEFAULT, 0, 1);
    int[] box = new int[1];
    render(news, 19, s -> box[0] = brightBox(s, 0, 60)[2]);
    // 4 glyphs of DejaVu Sans 10 px "WIDE" ≈ 30 px, plus 0.1·200 thousandths·10 px = 0.2 px each
    assertThat(box[0] - 14).isBetween(24, 40);
  }

  @Test
  void slideInTextRevealsLeftToRightThenFadesOut() {
    VisualLayer.SlideInText slide = new VisualLayer.SlideInText(AT, WHOLE, "MMMMMM", 0.1, 0.1, Rgba.WHITE, FontRef.DEFAULT, Position.CENTER);
    int[] full = new int[4];
    render(slide, 10, s -> System.arraycopy(brightBox(s, 0, SIZE), 0, full, 0, 4)); // p 0.5: fully shown
    assertThat((full[0] + full[2]) / 2.0).isCloseTo(100, offset(3.0));
    assertThat(full[2] - full[0]).isGreaterThan(80); // six 20-px Ms
    render(slide, 1, s -> assertThat(blank(s)).isTrue()); // p 0.05: before the reveal
    render(slide, 4, s -> { // p 0.2: half revealed (eased 0.5): opaque to 45 %, clear from 55 %
      int[] half = brightBox(s, 0, SIZE);
      double boxLeft = full[0] - 1, boxWidth = full[2] - full[0] + 3;
      assertThat(half[0]).isEqualTo(full[0]);
      assertThat(half[2]).isBetween((int) (boxLeft + 0.40 * boxWidth), (int) (boxLeft + 0.56 * boxWidth));
    });
    render(slide, 17, s -> { // p 0.85: opacity 0.5
      int max = 0;
      for (int x = 0; x < SIZE; x++) max = Math.max(max, alpha(pixel(s, x, 100)));
      assertThat(max).isCloseTo(128, offset(3));
    });
    render(slide, 19, s -> assertThat(blank(s)).isTrue()); // p 0.95: faded out
  }

  @Test
  void slideInTextIsPlacedByItsOrigin() {
    Position bottomLeft = new Position(0.1, 0.9, Position.OriginX.LEFT, Position.OriginY.BOTTOM);
    VisualLayer.SlideInText slide = new VisualLayer.SlideInText(AT, WHOLE, "Hi", 0.1, 0, Rgba.WHITE, FontRef.DEFAULT, bottomLeft);
    render(slide, 10, s -> {
      int[] box = brightBox(s, 0, SIZE);
      assertThat(box[0]).isBetween(20, 23);
      // one line 20·1.13 = 22.6 tall with its bottom at 180: capitals from ≈ 162 to the baseline ≈ 175
      assertThat(box[1]).isBetween(160, 166);
      assertThat(box[3]).isBetween(172, 178);
    });
  }
}
