package dev.smelter.video.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a media file is, from its first bytes: an image or font that is something else (a text file,
 * an HTML error page saved as {@code photo.jpg}, a video named {@code .ttf}) is refused at planning
 * with its JSON path, instead of failing the render later. Only headers are read (a few KB at most).
 */
final class FileKind {
  private static final int HEAD = 4096;

  private FileKind() {}

  /** Why {@code file} is not an image the renderer decodes (JPEG, PNG, GIF, WebP, BMP, ICO, HEIF/AVIF, SVG); empty if it is. */
  static Optional<String> notImage(Path file) {
    byte[] h;
    try {
      h = head(file);
    } catch (IOException e) {
      return Optional.of("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
    if (h.length == 0) return Optional.of("empty file, not an image");
    if (starts(h, 0xFF, 0xD8, 0xFF) // JPEG
        || starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
        || starts(h, 'G', 'I', 'F', '8')
        || (starts(h, 'R', 'I', 'F', 'F') && at(h, 8, 'W', 'E', 'B', 'P'))
        || starts(h, 'B', 'M')
        || starts(h, 0, 0, 1, 0) // ICO
        || (at(h, 4, 'f', 't', 'y', 'p') && isHeifBrand(h))
        || isSvg(h)) {
      return Optional.empty();
    }
    return Optional.of("not an image file (JPEG, PNG, GIF, WebP, BMP, ICO, HEIF/AVIF or SVG expected; it starts with "
        + describe(h) + ")");
  }

  /** Why {@code file} is not a font file (TrueType, OpenType, a collection, WOFF/WOFF2); empty if it is. */
  static Optional<String> notFont(Path file) {
    byte[] h;
    try {
      h = head(file);
    } catch (IOException e) {
      return Optional.of("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
    if (starts(h, 0, 1, 0, 0) || starts(h, 't', 'r', 'u', 'e') || starts(h, 'O', 'T', 'T', 'O') || starts(h, 't', 't', 'c', 'f')
        || starts(h, 'w', 'O', 'F', 'F') || starts(h, 'w', 'O', 'F', '2') || starts(h, 't', 'y', 'p', '1')) {
      return Optional.empty();
    }
    return Optional.of(h.length == 0 ? "empty file, not a font"
        : "not a font file (TrueType, OpenType or WOFF expected; it starts with " + describe(h) + ")");
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(HEAD);
    }
  }

  private static boolean isHeifBrand(byte[] h) {
    String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.ISO_8859_1) : "";
    return brand.startsWith("hei") || brand.startsWith("hev") || brand.startsWith("avi") || brand.equals("mif1") || brand.equals("msf1");
  }

  /** XML text whose first element is (or, after a prolog/doctype, comes to) {@code <svg}. */
  private static boolean isSvg(byte[] h) {
    String text = new String(h, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
    return text.startsWith("<") && text.contains("<svg");
  }

  private static boolean starts(byte[] h, int... bytes) {
    return at(h, 0, bytes);
  }

  private static boolean at(byte[] h, int offset, int... bytes) {
    if (h.length < offset + bytes.length) return false;
    for (int i = 0; i < bytes.length; i++) {
      if ((h[offset + i] & 0xFF) != bytes[i]) return false;
    }
    return true;
  }

  /** The first bytes, as text when printable and as hex otherwise (never the whole file). */
  private static String describe(byte[] h) {
    byte[] first = Arrays.copyOf(h, Math.min(8, h.length));
    StringBuilder text = new StringBuilder();
    boolean printable = true;
    for (byte b : first) {
      if (b < 0x20 || b > 0x7e) printable = false;
      text.append((char) b);
    }
    if (printable) return "\"" + text + "\"";
    StringBuilder hex = new StringBuilder();
    for (byte b : first) hex.append(String.format("%02x ", b & 0xFF));
    return hex.toString().trim();
  }
}
