package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Frames Editly 0.14.2 rendered in fidelity/transition-sweep.sh (96×64, lossless, frame read back as
 * RGB; committed under {@code editly/}) against ours at the same progress from the same two
 * pictures: the sweep's textured pictures, A or B (A with its colours inverted) outgoing as in the
 * sweep. Each was a frame that differed before its fix; the bounds are on the worst 8×8 block's
 * mean difference, which a region showing the wrong frame, a wrong block mask or another noise
 * pattern exceeds by far, and on the pixels more than 32 off, which a thin rim or seam drawn
 * elsewhere adds to.
 */
class EditlyFramesTest {
  private static final int W = 96, H = 64;

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    // the seam row blended both frames (worst block 15 before, drawn as two images; 1 now)
    "Directional, 0.5714285714285714, directional-4-7.png, true, 3, 2",
    // f·1.37·397.2973 folded into one constant by the reference's compiler (118 / 138 before; 1 now)
    "Drop_Zone_Flicker, 0.6, drop_zone_flicker-3-5.png, true, 3, 2",
    "Drop_Zone_Flicker, 0.8, drop_zone_flicker-4-5.png, true, 3, 2",
    // the blur's per-pixel jitter hashes the swung uv: now the reference's uv, sine and 1/ratio (20 before; 2 now)
    "tangentMotionBlur, 0.42857142857142855, tangentmotionblur-3-7.png, true, 3, 4",
    // rim pixels: mix(edge, band, 1) was not exactly band, so m = −2 missed the rim test (worst block 7 before; 1 now)
    "undulatingBurnOut, 0.3333333333333333, undulatingburnout-1-3.png, false, 3, 2",
  })
  void matchesWhatEditlyRendered(String name, double progress, String editlyFrame, boolean fromInverted, int worstBlock, int strayPixels)
      throws IOException {
    int[] editly = editlyFrame(editlyFrame);
    int[] ours;
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H))) {
      Transitions.byName(name).draw(s.getCanvas(), textured(fromInverted), textured(!fromInverted), progress, CatalogTransitionsTest.defaults(name), W, H);
      ours = pixels(s);
    }
    assertThat(worstBlockDifference(ours, editly)).as("%s: worst 8×8 block's mean channel difference", name).isLessThanOrEqualTo(worstBlock);
    assertThat(strayPixels(ours, editly)).as("%s: pixels off by more than 32 in a channel", name).isLessThanOrEqualTo(strayPixels);
  }

  /** Pixels with a channel more than 32 off: a thin feature (a rim, a seam) drawn elsewhere. */
  static int strayPixels(int[] a, int[] b) {
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        if (Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF)) > 32) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /** The sweep's textured picture (transition-sweep.py), at 96×64. */
  private static Image textured(boolean inverted) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H)); Paint p = new Paint()) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int r = 255 * x / (W - 1), g = 255 * y / (H - 1), b = ((x / 8 + y / 8) % 2) * 200 + 20;
          if (inverted) { r = 255 - r; g = 255 - g; b = 240 - b; }
          s.getCanvas().drawRect(Rect.makeXYWH(x, y, 1, 1), p.setColor(0xFF000000 | r << 16 | g << 8 | b));
        }
      }
      return s.makeImageSnapshot();
    }
  }

  private static int[] editlyFrame(String file) throws IOException {
    try (InputStream in = EditlyFramesTest.class.getResourceAsStream("editly/" + file)) {
      BufferedImage image = ImageIO.read(in);
      assertThat(image.getWidth()).isEqualTo(W);
      return image.getRGB(0, 0, W, H, null, 0, W);
    }
  }

  private static int[] pixels(Surface s) {
    int[] out = new int[W * H];
    try (Pixmap pm = new Pixmap()) {
      s.peekPixels(pm);
      for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) out[y * W + x] = pm.getColor(x, y);
    }
    return out;
  }

  /** The largest mean absolute difference of one channel over an 8×8 block, rounded up. */
  static int worstBlockDifference(int[] a, int[] b) {
    double worst = 0;
    for (int by = 0; by < H; by += 8) {
      for (int bx = 0; bx < W; bx += 8) {
        for (int shift = 0; shift < 24; shift += 8) {
          int sum = 0;
          for (int y = by; y < by + 8; y++) {
            for (int x = bx; x < bx + 8; x++) sum += Math.abs((a[y * W + x] >> shift & 0xFF) - (b[y * W + x] >> shift & 0xFF));
          }
          worst = Math.max(worst, sum / 64.0);
        }
      }
    }
    return (int) Math.ceil(worst);
  }
}
