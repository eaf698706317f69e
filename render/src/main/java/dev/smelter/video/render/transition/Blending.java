package dev.smelter.video.render.transition;

import io.github.humbleui.skija.BlendMode;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.ColorFilter;
import io.github.humbleui.skija.FilterMipmap;
import io.github.humbleui.skija.FilterMode;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Matrix33;
import io.github.humbleui.skija.MipmapMode;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;

/**
 * Canvas building blocks shared by the transitions that need no per-pixel shader.
 *
 * <p>Speed rule for the raster backend (measured at 1080×1920): a resampled draw (scaled, shifted
 * by a fraction, rotated) is ~5 ms with SRC_OVER but ~40 ms with SRC or PLUS, which fall off Skia's
 * fast pipeline; unresampled 1:1 draws are cheap in any mode. So every transition first clears the
 * canvas, then draws with SRC_OVER (exact over a cleared canvas), and keeps PLUS for 1:1 draws.
 */
final class Blending {
  /** gl-transitions sample their textures with LINEAR filtering and no mipmaps. */
  static final SamplingMode LINEAR = new FilterMipmap(FilterMode.LINEAR, MipmapMode.NONE);

  private Blending() {}

  /**
   * Replaces the canvas with {@code a·(1−t) + b·t} in premultiplied space, i.e. GLSL's
   * {@code mix(a, b, t)}, exact even where the frames are transparent (a letterbox fades to black).
   */
  static void mix(Canvas canvas, Image a, Image b, double t, int width, int height) {
    mix(canvas, a, null, b, null, t, width, height);
  }

  /** {@link #mix} with an optional colour filter applied to each side before mixing. */
  static void mix(Canvas canvas, Image a, ColorFilter aFilter, Image b, ColorFilter bFilter, double t, int width, int height) {
    Rect frame = Rect.makeWH(width, height);
    canvas.clear(0);
    try (Paint first = new Paint(); Paint second = new Paint()) {
      first.setAlphaf((float) (1 - t));
      second.setBlendMode(BlendMode.PLUS).setAlphaf((float) t);
      if (aFilter != null) first.setColorFilter(aFilter);
      if (bFilter != null) second.setColorFilter(bFilter);
      canvas.drawImageRect(a, bounds(a), frame, LINEAR, first, false);
      canvas.drawImageRect(b, bounds(b), frame, LINEAR, second, false);
    }
  }

  /**
   * {@link #mix} with both frames moved by (dx, dy), edges clamped as texture sampling clamps them,
   * so the whole frame stays covered. (PLUS on a resampled draw is slow: use on small surfaces.)
   */
  static void mixShifted(Canvas canvas, Image a, Image b, double t, int width, int height, float dx, float dy) {
    Rect frame = Rect.makeWH(width, height);
    canvas.clear(0);
    try (Shader first = clamped(a, width, height, dx, dy);
        Shader second = clamped(b, width, height, dx, dy);
        Paint firstPaint = new Paint().setShader(first).setAlphaf((float) (1 - t));
        Paint secondPaint = new Paint().setShader(second).setBlendMode(BlendMode.PLUS).setAlphaf((float) t)) {
      canvas.drawRect(frame, firstPaint);
      canvas.drawRect(frame, secondPaint);
    }
  }

  /** {@code image} stretched to the frame, moved by (dx, dy), with clamped edges. */
  static Shader clamped(Image image, int width, int height, float dx, float dy) {
    Matrix33 placement = Matrix33.makeTranslate(dx, dy).makeConcat(stretch(image, width, height));
    return image.makeShader(FilterTileMode.CLAMP, FilterTileMode.CLAMP, LINEAR, placement);
  }

  /** Maps {@code image}'s pixels onto a {@code width × height} frame (textures are stretched). */
  static Matrix33 stretch(Image image, int width, int height) {
    return Matrix33.makeScale((float) width / image.getWidth(), (float) height / image.getHeight());
  }

  /** Replaces the canvas with {@code image} stretched to the frame. */
  static void copy(Canvas canvas, Image image, int width, int height) {
    canvas.clear(0);
    canvas.drawImageRect(image, bounds(image), Rect.makeWH(width, height), LINEAR, null, false);
  }

  static Rect bounds(Image image) {
    return Rect.makeWH(image.getWidth(), image.getHeight());
  }

  /** A surface of the canvas' kind (raster or GPU), so drawing it back stays cheap. */
  static Surface offscreen(Canvas canvas, int width, int height) {
    try (Surface target = canvas.getSurface()) { // an owned reference, null for e.g. picture recorders
      Surface made = target == null ? null : target.makeSurface(width, height);
      return made != null ? made : Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
    }
  }

  /** Whether the canvas draws into CPU memory (raster backend), not a GPU surface. */
  static boolean isRaster(Canvas canvas) {
    try (Surface target = canvas.getSurface(); Pixmap pixels = new Pixmap()) {
      return target == null || target.peekPixels(pixels);
    }
  }

  /** GLSL {@code smoothstep}, also for reversed edges (used that way by some gl-transitions). */
  static double smoothstep(double edge0, double edge1, double x) {
    double t = Math.clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
  }
}
