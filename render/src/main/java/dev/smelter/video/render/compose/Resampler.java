package dev.smelter.video.render.compose;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.BlendMode;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.CubicResampler;
import io.github.humbleui.skija.FilterMipmap;
import io.github.humbleui.skija.FilterMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.MipmapMode;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;

/**
 * One-off high-quality resizing, so that per-frame draws only ever resample mildly (where bilinear
 * is enough).
 *
 * <p>Everything drawn per frame is kept in the native premultiplied 32-bit format
 * ({@code ColorType.N32}): on the raster backend a scaled draw of an RGBA or unpremultiplied image
 * takes a slow path, 55–65 ms instead of 2–8 ms for a 1080×1920 frame (measured).
 */
final class Resampler {
  /** What per-frame draws use: the prepared image is never more than ~2× off its drawn size. */
  static final SamplingMode PER_FRAME = new FilterMipmap(FilterMode.LINEAR, MipmapMode.NONE);

  private static final SamplingMode MITCHELL = new CubicResampler(1 / 3f, 1 / 3f);
  /** Beyond 2× reduction a cubic kernel aliases; trilinear mipmaps average all source pixels. */
  private static final SamplingMode MIPMAPS = new FilterMipmap(FilterMode.LINEAR, MipmapMode.LINEAR);

  private Resampler() {}

  /**
   * The per-frame draw: {@code image} into a fractional {@code target} rectangle, bilinear, with
   * anti-aliased edges so that a zoom moves edges by fractions of a pixel, not whole pixels.
   */
  static void draw(Canvas canvas, Image image, Rect target) {
    try (Paint paint = new Paint().setAntiAlias(true)) {
      canvas.drawImageRect(image, Rect.makeWH(image.getWidth(), image.getHeight()), target, PER_FRAME, paint, false);
    }
  }

  /** {@code source} resized to exactly {@code width × height} (aspect not kept), as a new image. */
  static Image resize(Image source, int width, int height) {
    double reduction = Math.max((double) source.getWidth() / width, (double) source.getHeight() / height);
    SamplingMode sampling = reduction > 2 ? MIPMAPS : MITCHELL;
    try (Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
        Paint paint = new Paint().setBlendMode(BlendMode.SRC)) {
      surface.getCanvas().drawImageRect(source, Rect.makeWH(source.getWidth(), source.getHeight()), Rect.makeWH(width, height), sampling, paint, true);
      return surface.makeImageSnapshot();
    }
  }

  /** {@code source} converted to the native premultiplied format (same size), as a new image. */
  static Image toNative(Image source) {
    try (Bitmap bitmap = new Bitmap()) {
      bitmap.allocPixels(ImageInfo.makeN32Premul(source.getWidth(), source.getHeight()));
      if (!source.readPixels(bitmap, 0, 0)) throw new IllegalStateException("cannot convert image to N32");
      bitmap.setImmutable();
      return Image.makeRasterFromBitmap(bitmap);
    }
  }

  /**
   * {@code source} reduced to fit within {@code maxWidth × maxHeight} keeping its aspect, or
   * {@code source} itself when it already fits (never enlarged: upscaling happens at draw time).
   */
  static Image shrinkToFit(Image source, int maxWidth, int maxHeight) {
    double factor = Math.min((double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight());
    if (factor >= 1) return source;
    int w = Math.max(1, (int) Math.ceil(source.getWidth() * factor - 1e-6));
    int h = Math.max(1, (int) Math.ceil(source.getHeight() * factor - 1e-6));
    return resize(source, w, h);
  }
}
