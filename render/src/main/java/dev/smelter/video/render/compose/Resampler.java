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
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.nio.ByteBuffer;

/**
 * One-off resizing the way Editly's pictures are resized, so that per-frame draws only ever
 * resample mildly (where bilinear is enough).
 *
 * <p>Editly draws pictures through node-canvas, i.e. cairo with {@code CAIRO_FILTER_GOOD}: per axis,
 * a reduction by more than 4/3 is a box filter as wide as the reduction (capped at 16 source pixels),
 * anything milder, and any enlargement, is bilinear. {@link #resize} applies that rule with exact
 * box overlaps (cairo quantises the filter phase to 1/16 px and the weights to 16.16 fixed point,
 * which moves a pixel by one level now and then): probed against Editly's own output, a 5× reduction
 * of a full-size decode lands on the same bytes for 98.5 % of pixels and within one level for all.
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

  /** cairo GOOD: reductions up to this factor are bilinear, beyond it a box filter. */
  private static final double BILINEAR_UP_TO = 4 / 3.0;
  /** cairo GOOD caps the box at this many source pixels ("to prevent extreme slowness"). */
  private static final double WIDEST_BOX = 16;

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

  /**
   * {@code source} resized to exactly {@code width × height} (aspect not kept), as a new native
   * image, with cairo GOOD's filter on each axis (see the class comment).
   */
  static Image resize(Image source, int width, int height) {
    int sw = source.getWidth(), sh = source.getHeight();
    // Both sides in native bitmaps, released here: Java arrays of this size (7 MB for a picture
    // prepared for 1080×1920) grew the heap by hundreds of MB over a render (measured).
    try (Bitmap in = new Bitmap(); Bitmap out = new Bitmap()) {
      in.allocPixels(ImageInfo.makeN32Premul(sw, sh));
      if (!source.readPixels(in, 0, 0)) throw new IllegalStateException("cannot read image for resizing");
      out.allocPixels(ImageInfo.makeN32Premul(width, height));
      try (Pixmap from = in.peekPixels(); Pixmap to = out.peekPixels()) {
        resizePremultiplied(from.getBuffer(), from.getRowBytes(), sw, sh, to.getBuffer(), to.getRowBytes(), width, height);
      }
      out.setImmutable();
      return Image.makeRasterFromBitmap(out);
    }
  }

  /**
   * The rest of the way after libjpeg-turbo's scaled decode (camera photos, {@link EncodedPicture}):
   * a Mitchell cubic, or trilinear mipmaps beyond 2×. The scaled decode has already low-passed the
   * picture its own way; on it this scored closer to Editly than cairo's rule (editly-small, 12 MP
   * photos: SSIM 0.9818 vs 0.9809).
   */
  static Image resizeAfterScaledDecode(Image source, int width, int height) {
    double reduction = Math.max((double) source.getWidth() / width, (double) source.getHeight() / height);
    SamplingMode sampling = reduction > 2 ? MIPMAPS : MITCHELL;
    try (Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
        Paint paint = new Paint().setBlendMode(BlendMode.SRC)) {
      // Not strict: Skia drops the mipmaps under a strict source rectangle (a 4× reduction then
      // samples a few pixels of each 4×4 block); the rectangle is the whole picture anyway.
      surface.getCanvas().drawImageRect(source, Rect.makeWH(source.getWidth(), source.getHeight()), Rect.makeWH(width, height), sampling, paint, false);
      return surface.makeImageSnapshot();
    }
  }

  /**
   * A picture from {@link EncodedPicture#decode} brought to {@code width × height}: {@link #resize}
   * (cairo's rule) when it was decoded whole, {@link #resizeAfterScaledDecode} when the decode was
   * already scaled down ({@code fileWidth} is the file's own width).
   */
  static Image resizeDecoded(Image decoded, int fileWidth, int width, int height) {
    return decoded.getWidth() < fileWidth ? resizeAfterScaledDecode(decoded, width, height) : resize(decoded, width, height);
  }

  /** {@link #resizePremultiplied(ByteBuffer, int, int, int, ByteBuffer, int, int, int)} on tightly packed arrays. */
  static byte[] resizePremultiplied(byte[] src, int sw, int sh, int width, int height) {
    byte[] out = new byte[4 * width * height];
    resizePremultiplied(ByteBuffer.wrap(src), 4 * sw, sw, sh, ByteBuffer.wrap(out), 4 * width, width, height);
    return out;
  }

  /**
   * The filter on 4-byte pixels (any channel order, premultiplied): rows first, kept as floats in a
   * ring of just the rows the column filter still needs, then columns, rounded once.
   */
  static void resizePremultiplied(ByteBuffer src, int srcRowBytes, int sw, int sh, ByteBuffer dst, int dstRowBytes, int width, int height) {
    Taps across = Taps.of(sw, width), down = Taps.of(sh, height);
    int rowFloats = 4 * width;
    int ringSize = down.widest + 1;
    float[][] ring = new float[ringSize][rowFloats];
    int filteredUpTo = -1; // last source row filtered into the ring
    float[] acc = new float[rowFloats];
    for (int y = 0; y < height; y++) {
      int first = down.first[y], count = down.count[y];
      while (filteredUpTo < first + count - 1) {
        filteredUpTo++;
        filterRow(src, srcRowBytes * filteredUpTo, across, ring[filteredUpTo % ringSize]);
      }
      java.util.Arrays.fill(acc, 0f);
      for (int t = 0; t < count; t++) {
        float w = down.weight[y][t];
        float[] row = ring[(first + t) % ringSize];
        for (int i = 0; i < rowFloats; i++) acc[i] += w * row[i];
      }
      int o = dstRowBytes * y;
      for (int i = 0; i < rowFloats; i++) dst.put(o + i, (byte) Math.min(255, Math.max(0, (int) (acc[i] + 0.5f))));
    }
  }

  private static void filterRow(ByteBuffer src, int offset, Taps across, float[] dst) {
    for (int x = 0; x < across.first.length; x++) {
      float r = 0, g = 0, b = 0, a = 0;
      int p = offset + 4 * across.first[x];
      float[] w = across.weight[x];
      for (int t = 0; t < across.count[x]; t++, p += 4) {
        r += w[t] * (src.get(p) & 0xFF);
        g += w[t] * (src.get(p + 1) & 0xFF);
        b += w[t] * (src.get(p + 2) & 0xFF);
        a += w[t] * (src.get(p + 3) & 0xFF);
      }
      dst[4 * x] = r;
      dst[4 * x + 1] = g;
      dst[4 * x + 2] = b;
      dst[4 * x + 3] = a;
    }
  }

  /** One axis of the filter: for each output pixel, its first source pixel and the weights from there. */
  private record Taps(int[] first, int[] count, float[][] weight, int widest) {
    static Taps of(int sourceSize, int size) {
      double scale = (double) sourceSize / size;
      double box = scale <= BILINEAR_UP_TO ? 1 : Math.min(scale, WIDEST_BOX);
      int[] first = new int[size], count = new int[size];
      float[][] weight = new float[size][];
      int widest = 1;
      for (int i = 0; i < size; i++) {
        double centre = (i + 0.5) * scale; // in source pixels, pixel k spanning [k, k + 1]
        int from = Math.max(0, (int) Math.floor(centre - box / 2 - 0.5));
        int to = Math.min(sourceSize - 1, (int) Math.ceil(centre + box / 2 + 0.5));
        double[] w = new double[to - from + 1];
        double total = 0;
        for (int k = from; k <= to; k++) {
          w[k - from] = overlap(k + 0.5 - centre, box);
          total += w[k - from];
        }
        // Trim zero weights at both ends; taps that fell outside the picture are dropped and the
        // rest renormalised (its edge pixel stands in for them).
        int lo = 0, hi = w.length - 1;
        while (lo < hi && w[lo] == 0) lo++;
        while (hi > lo && w[hi] == 0) hi--;
        float[] kept = new float[hi - lo + 1];
        for (int t = 0; t < kept.length; t++) kept[t] = (float) (w[lo + t] / total);
        first[i] = from + lo;
        count[i] = kept.length;
        weight[i] = kept;
        widest = Math.max(widest, kept.length);
      }
      return new Taps(first, count, weight, widest);
    }

    /**
     * cairo's box kernel: how much of the unit pixel [x − ½, x + ½] a box of width {@code box}
     * centred on 0 covers (for {@code box} = 1, the bilinear tent).
     */
    private static double overlap(double x, double box) {
      return Math.max(0, Math.min(Math.min(box, 1), Math.min((box + 1) / 2 - x, (box + 1) / 2 + x)));
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
   * A decoded picture ({@link #resizeDecoded}) reduced to fit within {@code maxWidth × maxHeight}
   * keeping its aspect, or {@code decoded} itself when it already fits (never enlarged: upscaling
   * happens at draw time).
   */
  static Image shrinkToFit(Image decoded, int fileWidth, int maxWidth, int maxHeight) {
    double factor = Math.min((double) maxWidth / decoded.getWidth(), (double) maxHeight / decoded.getHeight());
    if (factor >= 1) return decoded;
    int w = Math.max(1, (int) Math.ceil(decoded.getWidth() * factor - 1e-6));
    int h = Math.max(1, (int) Math.ceil(decoded.getHeight() * factor - 1e-6));
    return resizeDecoded(decoded, fileWidth, w, h);
  }
}
