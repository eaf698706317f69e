package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;

/** Tiny test frames and pixel reads for transition tests. */
final class Frames {
  static final int W = 64;
  static final int H = 112;

  private Frames() {}

  /** A frame whose top part (rows below {@code splitFraction·H}) is {@code top}, the rest {@code bottom}. */
  static Image split(int top, int bottom, double splitFraction) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H)); Paint a = new Paint().setColor(top); Paint b = new Paint().setColor(bottom)) {
      float split = (float) (splitFraction * H);
      s.getCanvas().drawRect(Rect.makeLTRB(0, 0, W, split), a);
      s.getCanvas().drawRect(Rect.makeLTRB(0, split, W, H), b);
      return s.makeImageSnapshot();
    }
  }

  /** A frame whose left half is {@code left}, the right half {@code right}. */
  static Image leftRight(int left, int right) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H)); Paint a = new Paint().setColor(left); Paint b = new Paint().setColor(right)) {
      s.getCanvas().drawRect(Rect.makeLTRB(0, 0, W / 2f, H), a);
      s.getCanvas().drawRect(Rect.makeLTRB(W / 2f, 0, W, H), b);
      return s.makeImageSnapshot();
    }
  }

  /**
   * A frame with detail everywhere (so a warp that samples the wrong place shows): red rises left to
   * right, green top to bottom, blue is a checkerboard of 8-pixel squares; {@code flip} mirrors it.
   */
  static Image textured(boolean flip) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H)); Paint p = new Paint()) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int r = 255 * x / (W - 1), g = 255 * y / (H - 1), b = ((x / 8 + y / 8) % 2) * 200 + 20;
          if (flip) { r = 255 - r; g = 255 - g; b = 240 - b; }
          s.getCanvas().drawRect(Rect.makeXYWH(x, y, 1, 1), p.setColor(0xFF000000 | r << 16 | g << 8 | b));
        }
      }
      return s.makeImageSnapshot();
    }
  }

  static Image solid(int argb) {
    return split(argb, argb, 0.5);
  }

  /** Draws the transition on a transparent W×H raster surface and returns its pixels. */
  static Surface draw(Transition t, Image from, Image to, double progress, TransitionParams params) {
    Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H));
    s.getCanvas().clear(0);
    t.draw(s.getCanvas(), from, to, progress, params, W, H);
    return s;
  }

  /** Unpremultiplied 0xAARRGGBB at (x, y). */
  static int pixel(Surface s, int x, int y) {
    try (Pixmap pm = new Pixmap()) {
      s.peekPixels(pm);
      return pm.getColor(x, y);
    }
  }

  static int[] pixels(Surface s) {
    int[] out = new int[W * H];
    try (Pixmap pm = new Pixmap()) {
      s.peekPixels(pm);
      for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) out[y * W + x] = pm.getColor(x, y);
    }
    return out;
  }

  static int[] pixels(Image image) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(W, H))) {
      s.getCanvas().clear(0);
      s.getCanvas().drawImage(image, 0, 0);
      return pixels(s);
    }
  }

  /** Mean absolute difference per channel (A, R, G, B together) between two pixel arrays. */
  static double meanDifference(int[] a, int[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int shift = 0; shift < 32; shift += 8) sum += Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF));
    }
    return sum / (4.0 * a.length);
  }

  static int red(int argb) {
    return argb >> 16 & 0xFF;
  }

  static int green(int argb) {
    return argb >> 8 & 0xFF;
  }

  static int blue(int argb) {
    return argb & 0xFF;
  }

  static int alpha(int argb) {
    return argb >>> 24;
  }
}
