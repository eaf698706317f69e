package dev.smelter.video.render.quality;

import java.nio.ByteBuffer;

/**
 * Structural similarity of two RGBA frames on luma (BT.601 weights), computed like ffmpeg's
 * {@code ssim} filter: 8×8 windows on a 4-pixel grid, constants for 8-bit data, mean over windows.
 * 1.0 means identical.
 */
public final class Ssim {
  private static final double C1 = (0.01 * 255) * (0.01 * 255);
  private static final double C2 = (0.03 * 255) * (0.03 * 255);

  private Ssim() {}

  public static double of(ByteBuffer a, ByteBuffer b, int width, int height) {
    float[] ya = luma(a, width, height);
    float[] yb = luma(b, width, height);
    double sum = 0;
    int windows = 0;
    for (int y = 0; y + 8 <= height; y += 4) {
      for (int x = 0; x + 8 <= width; x += 4) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int j = 0; j < 8; j++) {
          int row = (y + j) * width + x;
          for (int i = 0; i < 8; i++) {
            double pa = ya[row + i], pb = yb[row + i];
            sa += pa;
            sb += pb;
            saa += pa * pa;
            sbb += pb * pb;
            sab += pa * pb;
          }
        }
        double n = 64;
        double ma = sa / n, mb = sb / n;
        double va = saa / n - ma * ma, vb = sbb / n - mb * mb, cov = sab / n - ma * mb;
        sum += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
        windows++;
      }
    }
    return windows == 0 ? 1 : sum / windows;
  }

  private static float[] luma(ByteBuffer rgba, int width, int height) {
    float[] y = new float[width * height];
    for (int i = 0; i < y.length; i++) {
      int p = i * 4;
      y[i] = 0.299f * (rgba.get(p) & 255) + 0.587f * (rgba.get(p + 1) & 255) + 0.114f * (rgba.get(p + 2) & 255);
    }
    return y;
  }
}
