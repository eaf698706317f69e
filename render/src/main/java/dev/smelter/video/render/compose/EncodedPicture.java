package dev.smelter.video.render.compose;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Codec;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.EncodedOrigin;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A still picture file (JPEG, PNG, WebP, GIF, BMP…) opened with Skia's codec.
 *
 * <p>Why the codec and not {@code Image.makeFromEncoded}: the latter applies the EXIF orientation
 * tag, which Editly (node-canvas) ignores, and always decodes at full size. The codec gives the
 * stored pixels, and lets libjpeg-turbo decode at 1/8…8/8 scale, which makes a 12 MP photo for a
 * 1080-wide frame several times cheaper.
 *
 * <p>Pictures up to {@link #FULL_DECODE_PIXELS} are always decoded whole, as Editly does: a scaled
 * decode is a different low-pass than Editly's box filter over the full decode, ≈ 0.4 levels off on
 * average where the full decode is ≈ 0.01 off (probed at a 5× reduction). Larger ones (camera
 * photos) keep the scaled decode, for time (12 MP: 135 ms whole, 49 ms at 3/8) and memory (48 MB
 * whole while being prepared).
 */
final class EncodedPicture implements AutoCloseable {
  /** 4 MP (16 MB decoded): AI pictures (1–2 MP) and anything up to 2048×2048 decode whole. */
  static final long FULL_DECODE_PIXELS = 4L << 20;

  private final Path path;
  private final Data data;
  private final Codec codec;
  private final EncodedOrigin origin;

  private EncodedPicture(Path path, Data data, Codec codec, EncodedOrigin origin) {
    this.path = path;
    this.data = data;
    this.codec = codec;
    this.origin = origin;
  }

  /** @param respectExif apply the EXIF orientation; false keeps the stored orientation (Editly) */
  static EncodedPicture open(Path path, boolean respectExif) throws IOException {
    Data data = Data.makeFromBytes(Files.readAllBytes(path));
    Codec codec;
    try {
      codec = Codec.makeFromData(data);
    } catch (RuntimeException e) {
      data.close();
      throw new IOException("not a decodable image: " + path, e);
    }
    if (codec == null) {
      data.close();
      throw new IOException("not a decodable image: " + path);
    }
    return new EncodedPicture(path, data, codec, respectExif ? codec.getEncodedOrigin() : EncodedOrigin.TOP_LEFT);
  }

  /** Width as displayed (after orientation, when respected). */
  int width() {
    return origin.swapsWidthHeight() ? codec.getSize().getY() : codec.getSize().getX();
  }

  int height() {
    return origin.swapsWidthHeight() ? codec.getSize().getX() : codec.getSize().getY();
  }

  /**
   * Decodes at the smallest size the codec supports that is at least {@code minWidth × minHeight}
   * (displayed orientation), or at full size.
   */
  Image decode(int minWidth, int minHeight) throws IOException {
    boolean swap = origin.swapsWidthHeight();
    int storedMinWidth = swap ? minHeight : minWidth;
    int storedMinHeight = swap ? minWidth : minHeight;
    int w = codec.getSize().getX(), h = codec.getSize().getY();
    boolean scalable = codec.getEncodedImageFormat() == EncodedImageFormat.JPEG && (long) w * h > FULL_DECODE_PIXELS;
    int eighths = scalable ? 1 : 8;
    for (; eighths <= 8; eighths++) {
      // libjpeg-turbo's scaled output size: ceil(size·n/8)
      int sw = Math.ceilDiv(w * eighths, 8), sh = Math.ceilDiv(h * eighths, 8);
      if (eighths < 8 && (sw < storedMinWidth || sh < storedMinHeight)) continue;
      Image stored = tryDecode(sw, sh, eighths == 8);
      if (stored != null) return oriented(stored);
    }
    throw new IOException("cannot decode " + path);
  }

  private Image tryDecode(int width, int height, boolean fullSize) throws IOException {
    ColorAlphaType alpha = codec.getImageInfo().getColorAlphaType() == ColorAlphaType.OPAQUE ? ColorAlphaType.OPAQUE : ColorAlphaType.PREMUL;
    try (Bitmap bitmap = new Bitmap()) {
      bitmap.allocPixels(ImageInfo.makeN32(width, height, alpha));
      codec.readPixels(bitmap);
      bitmap.setImmutable();
      return Image.makeRasterFromBitmap(bitmap);
    } catch (IllegalArgumentException e) {
      if (fullSize) throw new IOException("cannot decode " + path + ": " + e.getMessage(), e);
      return null; // this scale is not supported after all: try the next larger one
    }
  }

  private Image oriented(Image stored) {
    if (origin == EncodedOrigin.TOP_LEFT) return stored;
    int w = origin.swapsWidthHeight() ? stored.getHeight() : stored.getWidth();
    int h = origin.swapsWidthHeight() ? stored.getWidth() : stored.getHeight();
    try (stored; Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(w, h))) {
      surface.getCanvas().concat(origin.toMatrix(w, h));
      surface.getCanvas().drawImage(stored, 0, 0);
      return surface.makeImageSnapshot();
    }
  }

  @Override
  public void close() {
    codec.close();
    data.close();
  }
}
