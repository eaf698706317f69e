package dev.smelter.video.render.compose;

import io.github.humbleui.skija.EncoderJPEG;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test pictures drawn with Skija, and pixel reads. */
final class Pictures {
  private Pictures() {}

  /** Vertical bands of the given colours, equally wide. */
  static Image bands(int width, int height, int... colours) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(width, height))) {
      for (int i = 0; i < colours.length; i++) {
        try (Paint p = new Paint().setColor(colours[i])) {
          s.getCanvas().drawRect(Rect.makeLTRB((float) width * i / colours.length, 0, (float) width * (i + 1) / colours.length, height), p);
        }
      }
      return s.makeImageSnapshot();
    }
  }

  static Path png(Path dir, String name, Image image) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, EncoderPNG.encode(image).getBytes());
    return file;
  }

  static Path jpeg(Path dir, String name, Image image) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, EncoderJPEG.encode(image).getBytes());
    return file;
  }

  /**
   * A JPEG with an EXIF APP1 segment whose IFD0 holds one entry: Orientation = {@code orientation}
   * (big-endian TIFF), inserted right after SOI.
   */
  static Path jpegWithOrientation(Path dir, String name, Image image, int orientation) throws IOException {
    byte[] jpeg = EncoderJPEG.encode(image).getBytes();
    byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
    byte[] header = {'E', 'x', 'i', 'f', 0, 0};
    int length = 2 + header.length + tiff.length;
    byte[] out = new byte[jpeg.length + 2 + length];
    out[0] = jpeg[0];
    out[1] = jpeg[1];
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xE1;
    out[4] = (byte) (length >> 8);
    out[5] = (byte) length;
    System.arraycopy(header, 0, out, 6, header.length);
    System.arraycopy(tiff, 0, out, 6 + header.length, tiff.length);
    System.arraycopy(jpeg, 2, out, 4 + length, jpeg.length - 2);
    Path file = dir.resolve(name);
    Files.write(file, out);
    return file;
  }

  static Surface surface(int width, int height) {
    return Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
  }

  /** Unpremultiplied 0xAARRGGBB. */
  static int pixel(Surface s, int x, int y) {
    try (Pixmap pm = new Pixmap()) {
      s.peekPixels(pm);
      return pm.getColor(x, y);
    }
  }

  /** Premultiplied N32 bytes of the whole surface (for byte-exact comparisons). */
  static byte[] bytes(Surface s) {
    try (Pixmap pm = new Pixmap()) {
      s.peekPixels(pm);
      byte[] out = new byte[pm.computeByteSize()];
      pm.getBuffer().get(0, out);
      return out;
    }
  }

  static int alpha(int argb) {
    return argb >>> 24;
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

  /** Sum of alpha/255 down column x: the covered height in pixels, with fractional edges. */
  static double coveredHeight(Surface s, int x) {
    double sum = 0;
    for (int y = 0; y < s.getHeight(); y++) sum += alpha(pixel(s, x, y)) / 255.0;
    return sum;
  }

  /** Sum of alpha/255 along row y. */
  static double coveredWidth(Surface s, int y) {
    double sum = 0;
    for (int x = 0; x < s.getWidth(); x++) sum += alpha(pixel(s, x, y)) / 255.0;
    return sum;
  }
}
