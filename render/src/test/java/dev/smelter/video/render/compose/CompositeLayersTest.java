package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.blue;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static dev.smelter.video.render.compose.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.MediaProbe;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The composite layers as the planner expands them (Editly 0.14.2's expansion): {@code title-background}
 * is its background layer plus a centred title, {@code editly-banner} a linear gradient plus the
 * three-line title. Known pixels of whole frames, 200×200 (title font 20 px, lines 26.2 px apart).
 */
class CompositeLayersTest {
  private static final int SIZE = 200;
  private static final MediaProbe NO_MEDIA = f -> { throw new IOException("no media in this test"); };

  private static RenderPlan plan(String layer) throws Exception {
    return new Planner(PlanOptions.defaults().withSeed(3), NO_MEDIA)
        .plan("{width: 200, height: 200, fps: 10, defaults: {transition: null}, clips: [{duration: 2, layers: [" + layer + "]}]}");
  }

  private static Surface render(RenderPlan plan, int frame) {
    Surface s = Pictures.surface(SIZE, SIZE);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE)) {
      compositor.render(frame, s);
    }
    return s;
  }

  private static boolean isText(int argb, int r, int g, int b) {
    return Math.abs(red(argb) - r) < 40 && Math.abs((argb >> 8 & 0xFF) - g) < 40 && Math.abs(blue(argb) - b) < 40;
  }

  /** {rows with text pixels: first, last; text pixel count} for pixels within 40 of (r, g, b). */
  private static int[] textRows(Surface s, int r, int g, int b) {
    int first = -1, last = -1, count = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (isText(pixel(s, x, y), r, g, b)) {
          if (first < 0) first = y;
          last = y;
          count++;
        }
      }
    }
    return new int[] {first, last, count};
  }

  @Test
  void titleBackgroundPaintsItsColourUnderACentredTitle() throws Exception {
    try (Surface s = render(plan("{type: 'title-background', text: 'Hi', textColor: '#ff0000', background: {color: '#204080'}}"), 0)) {
      assertThat(pixel(s, 0, 0)).isEqualTo(0xFF204080);
      assertThat(pixel(s, SIZE - 1, SIZE - 1)).isEqualTo(0xFF204080);
      assertThat(pixel(s, SIZE / 2, 20)).isEqualTo(0xFF204080);
      int[] text = textRows(s, 255, 0, 0);
      assertThat(text[2]).isGreaterThan(40);
      assertThat(text[0]).isBetween(85, 100); // one line centred on row 100
      assertThat(text[1]).isBetween(100, 115);
    }
  }

  @Test
  void titleBackgroundGradientsAndTheColourlessFill() throws Exception {
    try (Surface s = render(plan("{type: 'title-background', text: 'Hi', background: {type: 'linear-gradient', colors: ['#ff0000', '#0000ff']}}"), 0)) {
      int corner = pixel(s, 0, 0); // halfway along the gradient
      assertThat(red(corner)).isCloseTo(128, offset(4));
      assertThat(blue(corner)).isCloseTo(128, offset(4));
      assertThat(pixel(s, SIZE - 1, SIZE - 1)).isEqualTo(0xFF0000FF);
      assertThat(textRows(s, 255, 255, 255)[2]).isGreaterThan(40); // white title by default
    }
    try (Surface s = render(plan("{type: 'title-background', text: 'Hi', background: {type: 'radial-gradient', colors: ['#ff0000', '#0000ff']}}"), 0)) {
      assertThat(red(pixel(s, SIZE / 2, 60))).isGreaterThan(blue(pixel(s, SIZE / 2, 60))); // inner colour near the centre
      assertThat(blue(pixel(s, 0, 0))).isGreaterThan(200);
    }
    // Editly: {type: 'fill-color'} without a colour draws no background at all, only the title.
    try (Surface s = render(plan("{type: 'title-background', text: 'Hi', background: {type: 'fill-color'}}"), 0)) {
      assertThat(alpha(pixel(s, 0, 0))).isZero();
      assertThat(textRows(s, 255, 255, 255)[2]).isGreaterThan(40);
    }
  }

  @Test
  void editlyBannerIsAGradientUnderThreeWhiteLines() throws Exception {
    RenderPlan plan = plan("{type: 'editly-banner'}");
    VisualLayer.LinearGradient gradient = (VisualLayer.LinearGradient) plan.clips().getFirst().layers().getFirst();
    Rgba from = gradient.from(), to = gradient.to();
    try (Surface s = render(plan, 0)) {
      int corner = pixel(s, 0, 0); // halfway between the banner's two (seeded) colours
      assertThat(alpha(corner)).isEqualTo(255);
      assertThat((double) red(corner)).isCloseTo((from.r() + to.r()) / 2.0, offset(4.0));
      assertThat((double) blue(corner)).isCloseTo((from.b() + to.b()) / 2.0, offset(4.0));
      int[] text = textRows(s, 255, 255, 255);
      assertThat(text[2]).isGreaterThan(150);
      // "Made with" / "EDITLY" / "mifi.no": three lines 26.2 px apart around the centre
      assertThat(text[1] - text[0]).isBetween(50, 80);
      assertThat((text[0] + text[1]) / 2.0).isCloseTo(100, offset(8.0));
    }
  }
}
