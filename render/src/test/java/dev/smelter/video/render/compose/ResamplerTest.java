package dev.smelter.video.render.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Resampler#resize}'s filter: cairo GOOD, as Editly's pictures are resized; and the finish after a scaled decode. */
class ResamplerTest {
  private static byte[] noise(int w, int h, long seed) {
    byte[] px = new byte[4 * w * h];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < w * h; i++) {
      int a = 255; // opaque: premultiplied equals straight
      for (int c = 0; c < 3; c++) px[4 * i + c] = (byte) rng.nextInt(256);
      px[4 * i + 3] = (byte) a;
    }
    return px;
  }

  private static int at(byte[] px, int w, int x, int y, int c) {
    return px[4 * (y * w + x) + c] & 0xFF;
  }

  @Test
  void anIntegerReductionIsTheRoundedMeanOfEachBlock() {
    byte[] src = noise(50, 40, 1);
    byte[] out = Resampler.resizePremultiplied(src, 50, 40, 10, 8); // 5× on both axes
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 10; x++) {
        for (int c = 0; c < 4; c++) {
          int sum = 0;
          for (int j = 0; j < 5; j++) for (int i = 0; i < 5; i++) sum += at(src, 50, 5 * x + i, 5 * y + j, c);
          assertThat(at(out, 10, x, y, c)).as("pixel %d,%d channel %d", x, y, c).isEqualTo(Math.round(sum / 25f));
        }
      }
    }
  }

  @Test
  void aMildReductionIsBilinear() {
    byte[] src = noise(48, 4, 2);
    byte[] out = Resampler.resizePremultiplied(src, 48, 4, 40, 4); // 1.2×: under cairo's 4/3, bilinear
    for (int x = 1; x < 39; x++) {
      double centre = (x + 0.5) * 1.2 - 0.5; // in pixel-index space
      int k = (int) Math.floor(centre);
      double f = centre - k;
      double expected = (1 - f) * at(src, 48, k, 2, 0) + f * at(src, 48, k + 1, 2, 0);
      assertThat(at(out, 40, x, 2, 0)).as("pixel %d", x).isEqualTo((int) Math.floor(expected + 0.5 + 1e-4));
    }
  }

  @Test
  void aFractionalReductionWeighsPartlyCoveredPixelsByTheirOverlap() {
    // 5 → 2: each output pixel covers 2.5 source pixels, so the middle one counts half for each.
    byte[] src = new byte[4 * 5];
    int[] values = {0, 100, 200, 40, 80};
    for (int i = 0; i < 5; i++) {
      src[4 * i] = (byte) values[i];
      src[4 * i + 3] = (byte) 255;
    }
    byte[] out = Resampler.resizePremultiplied(src, 5, 1, 2, 1);
    assertThat(at(out, 2, 0, 0, 0)).isEqualTo(Math.round((0 + 100 + 0.5f * 200) / 2.5f)); // 80
    assertThat(at(out, 2, 1, 0, 0)).isEqualTo(Math.round((0.5f * 200 + 40 + 80) / 2.5f)); // 88
  }

  @Test
  void beyondSixteenTimesTheBoxStaysSixteenPixelsWideAsInCairo() {
    // A 32× reduction of a row that is 0 except for its first 8 pixels: cairo's box (capped at 16
    // pixels, centred on the output pixel at source x = 16) does not reach them; a true mean would.
    byte[] src = new byte[4 * 32];
    for (int i = 0; i < 32; i++) {
      src[4 * i] = (byte) (i < 8 ? 255 : 0);
      src[4 * i + 3] = (byte) 255;
    }
    byte[] out = Resampler.resizePremultiplied(src, 32, 1, 1, 1);
    assertThat(at(out, 1, 0, 0, 0)).isZero();
    assertThat(at(out, 1, 0, 0, 3)).isEqualTo(255);
  }

  @Test
  void afterAScaledDecodeAFourfoldReductionAveragesEveryPixelInsteadOfSamplingAFew() {
    // Stripes of period 4: one white column, three black. A kernel that reads only the pixels near
    // each output centre (bilinear, or the cubic alone) would see the black ones; the mean is 64.
    int[] colours = new int[64];
    for (int i = 0; i < 64; i++) colours[i] = i % 4 == 0 ? 0xFFFFFFFF : 0xFF000000;
    try (Image stripes = Pictures.bands(64, 16, colours);
        Image reduced = Resampler.resizeAfterScaledDecode(stripes, 16, 4);
        Surface out = Pictures.surface(16, 4)) {
      assertThat(reduced.getWidth()).isEqualTo(16);
      assertThat(reduced.getHeight()).isEqualTo(4);
      Canvas canvas = out.getCanvas();
      canvas.drawImage(reduced, 0, 0);
      for (int x = 0; x < 16; x++) {
        int red = (Pictures.pixel(out, x, 2) >> 16) & 0xFF;
        assertThat(red).as("column %d", x).isBetween(61, 67);
      }
    }
  }
}
