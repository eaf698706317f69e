package dev.smelter.video.render.compose;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;

/**
 * Editly's {@code contain-blur} background: the picture stretched to the box, then one pass of a
 * box blur over R, G and B (alpha untouched) with radius {@code min(100, max(w,h)/10)} truncated to
 * an integer (Quasimondo's "Superfast Blur", 1 iteration).
 *
 * <p>A box blur is a horizontal then a vertical running mean over 2r+1 pixels, edges clamped. Large
 * radii are computed on a proportionally smaller copy (at most 4× smaller, keeping the radius at
 * ≥ 8 pixels there) and stretched back: a 201-pixel box mean is so smooth that bilinear upscaling
 * reproduces it within a level or two, at 1/16 of the cost.
 */
final class BoxBlur {
  private static final int MAX_RADIUS = 100;

  private BoxBlur() {}

  /** Editly's radius for a {@code width × height} box. */
  static int radiusFor(int width, int height) {
    return (int) Math.min(MAX_RADIUS, Math.max(width, height) / 10.0);
  }

  /**
   * The blurred, stretched backdrop of {@code source} for a {@code width × height} box, possibly
   * smaller than the box: meant to be drawn stretched over it (per-frame video backdrops).
   */
  static Image backdrop(Image source, int width, int height) {
    int radius = radiusFor(width, height);
    int factor = Math.clamp(radius / 8, 1, 4);
    int w = Math.ceilDiv(width, factor), h = Math.ceilDiv(height, factor);
    int r = Math.round((float) radius / factor);
    ImageInfo straight = new ImageInfo(w, h, ColorType.RGBA_8888, ColorAlphaType.UNPREMUL);
    byte[] rgba;
    try (Image stretched = Resampler.resize(source, w, h); Bitmap pixels = new Bitmap()) {
      pixels.allocPixels(straight);
      // Editly blurs canvas ImageData, i.e. unpremultiplied RGBA.
      if (!stretched.readPixels(pixels, 0, 0)) throw new IllegalStateException("cannot read back the stretched backdrop");
      rgba = pixels.readPixels();
    }
    blurRgb(rgba, w, h, r);
    try (Image blurred = Image.makeRasterFromBytes(straight, rgba, straight.getMinRowBytes())) {
      return Resampler.toNative(blurred);
    }
  }

  /** {@link #backdrop} already stretched to the full box, for static pictures (drawn 1:1 per frame). */
  static Image fullSizeBackdrop(Image source, int width, int height) {
    try (Image small = backdrop(source, width, height)) {
      return small.getWidth() == width && small.getHeight() == height ? Resampler.toNative(small) : Resampler.resize(small, width, height);
    }
  }

  /** One box-blur pass (horizontal, then vertical) over the R, G, B bytes of tightly packed RGBA. */
  static void blurRgb(byte[] rgba, int width, int height, int radius) {
    if (radius < 1) return;
    int[] channel = new int[width * height];
    int[] across = new int[width * height];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < channel.length; i++) channel[i] = rgba[i * 4 + c] & 0xFF;
      runningMean(channel, across, width, height, width, 1, radius); // rows
      runningMean(across, channel, height, width, 1, width, radius); // columns
      for (int i = 0; i < channel.length; i++) rgba[i * 4 + c] = (byte) channel[i];
    }
  }

  /**
   * Mean over a (2r+1)-long window along lines of {@code length} samples spaced {@code step}
   * apart; {@code lines} such lines start {@code lineStep} apart. Indices outside a line clamp to
   * its ends; the quotient is truncated like Quasimondo's multiply-and-shift division.
   */
  private static void runningMean(int[] src, int[] dst, int length, int lines, int lineStep, int step, int r) {
    int window = 2 * r + 1;
    int last = length - 1;
    for (int line = 0; line < lines; line++) {
      int base = line * lineStep;
      int sum = 0;
      for (int i = -r; i <= r; i++) sum += src[base + Math.clamp(i, 0, last) * step];
      for (int i = 0; i < length; i++) {
        dst[base + i * step] = sum / window;
        sum += src[base + Math.min(i + r + 1, last) * step] - src[base + Math.max(i - r, 0) * step];
      }
    }
  }
}
