package dev.smelter.video.render.media;

/**
 * How a decoded picture of {@code sourceWidth × sourceHeight} becomes a layer frame: scaled to
 * {@code scaleWidth × scaleHeight}, then centre-cropped to {@code width × height} when those differ
 * (cover). Sizes are rounded to whole pixels, never below 1; odd sizes are fine for RGBA.
 */
record FitGeometry(int scaleWidth, int scaleHeight, int width, int height) {

  static FitGeometry of(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight, VideoFrameReader.Fit fit) {
    if (sourceWidth <= 0 || sourceHeight <= 0) throw new IllegalArgumentException("source has no size: " + sourceWidth + "x" + sourceHeight);
    if (boxWidth <= 0 || boxHeight <= 0) throw new IllegalArgumentException("box has no size: " + boxWidth + "x" + boxHeight);
    // Compare aspect ratios exactly in integers: is the source wider than the box?
    boolean wider = (long) sourceWidth * boxHeight > (long) boxWidth * sourceHeight;
    return switch (fit) {
      case STRETCH -> new FitGeometry(boxWidth, boxHeight, boxWidth, boxHeight);
      case INSIDE -> {
        int w = wider ? boxWidth : scaled(sourceWidth, boxHeight, sourceHeight);
        int h = wider ? scaled(sourceHeight, boxWidth, sourceWidth) : boxHeight;
        yield new FitGeometry(w, h, w, h);
      }
      case COVER -> {
        // The free axis is rounded from a value >= the box, so it never ends up smaller than the box.
        int w = wider ? scaled(sourceWidth, boxHeight, sourceHeight) : boxWidth;
        int h = wider ? boxHeight : scaled(sourceHeight, boxWidth, sourceWidth);
        yield new FitGeometry(w, h, boxWidth, boxHeight);
      }
    };
  }

  boolean crops() {
    return scaleWidth != width || scaleHeight != height;
  }

  private static int scaled(int length, int numerator, int denominator) {
    return (int) Math.max(1, Math.round((double) length * numerator / denominator));
  }
}
