package dev.smelter.video.plan;

/** A straight (non-premultiplied) sRGB colour with components in 0..255 and alpha in 0..1. */
public record Rgba(int r, int g, int b, double a) {
  public Rgba {
    if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255 || a < 0 || a > 1) {
      throw new IllegalArgumentException("colour out of range: " + r + "," + g + "," + b + "," + a);
    }
  }

  public static final Rgba BLACK = new Rgba(0, 0, 0, 1);
  public static final Rgba WHITE = new Rgba(255, 255, 255, 1);

  /** Packed 0xAARRGGBB, as Skia wants it. */
  public int argb() {
    int alpha = (int) Math.round(a * 255);
    return alpha << 24 | r << 16 | g << 8 | b;
  }

  public String hex() {
    return a >= 1 ? String.format("#%02x%02x%02x", r, g, b)
        : String.format("#%02x%02x%02x%02x", r, g, b, (int) Math.round(a * 255));
  }
}
