package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.blue;
import static dev.smelter.video.render.compose.Pictures.coveredHeight;
import static dev.smelter.video.render.compose.Pictures.coveredWidth;
import static dev.smelter.video.render.compose.Pictures.green;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static dev.smelter.video.render.compose.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.ResizeMode;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayerTest {
  private static final int W = 64, H = 112, FPS = 10;
  private static final int BLUE = 0xFF0000FF, RED = 0xFFFF0000, GREEN = 0xFF00FF00, WHITE = 0xFFFFFFFF;

  @TempDir Path dir;

  private static RenderPlan single(double duration, Path file, ResizeMode mode, KenBurns zoom) {
    return TestPlans.of(W, H, FPS)
        .clip(duration, c -> List.of(new VisualLayer.Image("clips[0].layers[0]", LayerWindow.whole(duration), file, mode, zoom)))
        .build();
  }

  private static Surface render(RenderPlan plan, int frame, CompositorOptions options) {
    Surface s = Pictures.surface(W, H);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE, options)) {
      compositor.render(frame, s);
    }
    return s;
  }

  @Test
  void kenBurnsScalesSmoothlyByFractionsOfAPixel() throws Exception {
    // A white square fitted to the width: 64·s tall, s = 1 + 0.1·k/20 grows by 0.32 px per frame.
    Path square = Pictures.png(dir, "square.png", Pictures.bands(300, 300, WHITE));
    RenderPlan plan = single(2, square, ResizeMode.CONTAIN, new KenBurns(KenBurns.Direction.IN, 0.1));
    double previous = 0;
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      for (int k = 0; k < 20; k++) {
        compositor.render(k, s);
        double height = coveredHeight(s, W / 2);
        assertThat(height).as("frame %d", k).isCloseTo(64 * (1 + 0.1 * k / 20), offset(0.08));
        assertThat(height).as("frame %d grows", k).isGreaterThan(previous + 0.2);
        previous = height;
      }
    }
  }

  @Test
  void zoomOutStartsLargeAndPanShiftsByPixelsNotFractions() throws Exception {
    Path square = Pictures.png(dir, "square.png", Pictures.bands(300, 300, WHITE));
    try (Surface first = render(single(2, square, ResizeMode.CONTAIN, new KenBurns(KenBurns.Direction.OUT, 0.5)), 0, CompositorOptions.DEFAULTS)) {
      assertThat(coveredHeight(first, W / 2)).isCloseTo(96, offset(0.08)); // 64·1.5
    }
    // left pan with amount 0.01: scale 1.31, shift −(p·10 − 5) px → +5 px at p = 0, 0 at p = 0.5.
    Path halves = Pictures.png(dir, "halves.png", Pictures.bands(W * 4, H * 4, RED, GREEN));
    RenderPlan pan = single(2, halves, ResizeMode.CONTAIN, new KenBurns(KenBurns.Direction.LEFT, 0.01));
    try (FrameCompositor compositor = new FrameCompositor(pan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(0, s);
      assertThat(pixel(s, 35, 56)).isEqualTo(RED); // boundary at x = 37
      compositor.render(10, s);
      assertThat(pixel(s, 33, 56)).isEqualTo(GREEN); // boundary back at 32
    }
  }

  @Test
  void containCoverAndStretchPlaceANonSquarePictureLikeEditly() throws Exception {
    // 200×100: blue | red | red | green quarters.
    Path wide = Pictures.png(dir, "wide.png", Pictures.bands(200, 100, BLUE, RED, RED, GREEN));
    try (Surface contain = render(single(1, wide, ResizeMode.CONTAIN, KenBurns.NONE), 0, CompositorOptions.DEFAULTS)) {
      // fitted to the width: 64×32, centred → rows 40..72, letterbox transparent
      assertThat(coveredHeight(contain, W / 2)).isCloseTo(32, offset(0.05));
      assertThat(alpha(pixel(contain, W / 2, 20))).isZero();
      assertThat(pixel(contain, 4, 56)).isEqualTo(BLUE);
      assertThat(pixel(contain, 32, 56)).isEqualTo(RED);
      assertThat(pixel(contain, 60, 56)).isEqualTo(GREEN);
    }
    try (Surface cover = render(single(1, wide, ResizeMode.COVER, KenBurns.NONE), 0, CompositorOptions.DEFAULTS)) {
      // fitted to the height: 224×112, centre crop shows image x 0.36..0.64 → all red
      assertThat(coveredHeight(cover, 1)).isCloseTo(112, offset(0.01));
      assertThat(pixel(cover, 1, 1)).isEqualTo(RED);
      assertThat(pixel(cover, 62, 110)).isEqualTo(RED);
    }
    try (Surface stretch = render(single(1, wide, ResizeMode.STRETCH, KenBurns.NONE), 0, CompositorOptions.DEFAULTS)) {
      assertThat(coveredHeight(stretch, 1)).isCloseTo(112, offset(0.01));
      assertThat(pixel(stretch, 4, 2)).isEqualTo(BLUE);
      assertThat(pixel(stretch, 32, 109)).isEqualTo(RED);
      assertThat(pixel(stretch, 60, 56)).isEqualTo(GREEN);
    }
  }

  @Test
  void containBlurFillsTheLetterboxWithABlurredStretchedCopy() throws Exception {
    Path wide = Pictures.png(dir, "wide.png", Pictures.bands(200, 100, BLUE, RED, RED, GREEN));
    try (Surface s = render(single(1, wide, ResizeMode.CONTAIN_BLUR, KenBurns.NONE), 0, CompositorOptions.DEFAULTS)) {
      for (int y : new int[] {0, 20, 100, 111}) {
        for (int x : new int[] {0, 16, 32, 48, 63}) assertThat(alpha(pixel(s, x, y))).as("%d,%d", x, y).isEqualTo(255);
      }
      int letterbox = pixel(s, 32, 10);
      assertThat(red(letterbox) + green(letterbox) + blue(letterbox)).isGreaterThan(150);
      // blurred: at the blue|red boundary (x = 16) both colours mix
      int boundary = pixel(s, 16, 10);
      assertThat(red(boundary)).isBetween(40, 215);
      assertThat(blue(boundary)).isBetween(40, 215);
      assertThat(pixel(s, 32, 56)).isEqualTo(RED); // the sharp picture on top
    }
  }

  @Test
  void exifOrientationIsIgnoredByDefaultAndRespectedOnRequest() throws Exception {
    // Stored 40×20 with Orientation 6 (rotate 90° clockwise to display as 20×40).
    Path photo = Pictures.jpegWithOrientation(dir, "phone.jpg", Pictures.bands(40, 20, WHITE), 6);
    RenderPlan plan = single(1, photo, ResizeMode.CONTAIN, KenBurns.NONE);
    try (Surface asStored = render(plan, 0, CompositorOptions.DEFAULTS)) {
      assertThat(coveredHeight(asStored, W / 2)).isCloseTo(32, offset(0.1)); // landscape 64×32
      assertThat(coveredWidth(asStored, H / 2)).isCloseTo(64, offset(0.1));
    }
    try (Surface rotated = render(plan, 0, CompositorOptions.DEFAULTS.withRespectExifOrientation(true))) {
      assertThat(coveredHeight(rotated, W / 2)).isCloseTo(112, offset(0.1)); // portrait 56×112
      assertThat(coveredWidth(rotated, H / 2)).isCloseTo(56, offset(0.1));
    }
  }

  @Test
  void bigJpegsDecodeAtTheSmallestSufficientScale() throws Exception {
    Image big = Pictures.bands(2400, 1800, RED, GREEN); // 4.3 MP, over EncodedPicture.FULL_DECODE_PIXELS
    Path jpeg = Pictures.jpeg(dir, "big.jpg", big);
    try (EncodedPicture picture = EncodedPicture.open(jpeg, false)) {
      try (Image eighth = picture.decode(300, 225)) {
        assertThat(eighth.getWidth()).isEqualTo(300);
        assertThat(eighth.getHeight()).isEqualTo(225);
      }
      try (Image quarter = picture.decode(301, 225)) {
        assertThat(quarter.getWidth()).isEqualTo(600);
      }
    }
    // Up to 4 MP a JPEG decodes whole, as Editly's does, whatever size is needed.
    try (EncodedPicture picture = EncodedPicture.open(Pictures.jpeg(dir, "small.jpg", Pictures.bands(800, 600, RED, GREEN)), false);
        Image whole = picture.decode(100, 75)) {
      assertThat(whole.getWidth()).isEqualTo(800);
    }
    try (EncodedPicture png = EncodedPicture.open(Pictures.png(dir, "big.png", big), false); Image full = png.decode(100, 75)) {
      assertThat(full.getWidth()).isEqualTo(2400); // only JPEG decodes scaled
    }
  }

  @Test
  void anUnreadableImageFailsNamingTheLayer() throws Exception {
    Path junk = java.nio.file.Files.writeString(dir.resolve("junk.png"), "not an image");
    RenderPlan plan = single(1, junk, ResizeMode.CONTAIN, KenBurns.NONE);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> compositor.render(0, s))
          .isInstanceOf(CompositionException.class).hasMessageContaining("clips[0].layers[0]").hasMessageContaining("junk.png");
    }
  }
}
