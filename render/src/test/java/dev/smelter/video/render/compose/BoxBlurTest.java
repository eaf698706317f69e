package dev.smelter.video.render.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoxBlurTest {
  @Test
  void radiusFollowsEditly() {
    assertThat(BoxBlur.radiusFor(1080, 1920)).isEqualTo(100);
    assertThat(BoxBlur.radiusFor(640, 640)).isEqualTo(64);
    assertThat(BoxBlur.radiusFor(64, 112)).isEqualTo(11); // 11.2 truncated
  }

  @Test
  void eachPassIsAClampedRunningMeanOfRgbLeavingAlpha() {
    // 5×3 image, one bright pixel in the middle row: R=255 at (2,1), alpha 200 everywhere.
    int w = 5, h = 3;
    byte[] rgba = new byte[w * h * 4];
    for (int i = 0; i < w * h; i++) rgba[i * 4 + 3] = (byte) 200;
    rgba[(1 * w + 2) * 4] = (byte) 255;
    BoxBlur.blurRgb(rgba, w, h, 1);
    // Rows: 255 spreads to x=1..3 as 85; columns: 85/3 → 28 on rows 0..2 (truncated like the original).
    int[][] expected = {{0, 28, 28, 28, 0}, {0, 28, 28, 28, 0}, {0, 28, 28, 28, 0}};
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        assertThat(rgba[(y * w + x) * 4] & 0xFF).as("R at %d,%d", x, y).isEqualTo(expected[y][x]);
        assertThat(rgba[(y * w + x) * 4 + 3] & 0xFF).isEqualTo(200);
      }
    }
  }

  @Test
  void edgesClampSoAUniformPictureStaysUniform() {
    int w = 7, h = 4;
    byte[] rgba = new byte[w * h * 4];
    for (int i = 0; i < w * h; i++) {
      rgba[i * 4] = 10;
      rgba[i * 4 + 1] = 100;
      rgba[i * 4 + 2] = (byte) 200;
      rgba[i * 4 + 3] = (byte) 255;
    }
    BoxBlur.blurRgb(rgba, w, h, 3);
    for (int i = 0; i < w * h; i++) {
      assertThat(rgba[i * 4]).isEqualTo((byte) 10);
      assertThat(rgba[i * 4 + 1]).isEqualTo((byte) 100);
      assertThat(rgba[i * 4 + 2]).isEqualTo((byte) 200);
    }
  }
}
