package dev.smelter.video.render.compose;

import dev.smelter.video.plan.ResizeMode;

/** The size a picture is drawn at when fitted into a box the way Editly's Fabric code does it. */
record FittedSize(double width, double height) {
  /**
   * {@code contain}: scale to the box height when the box is relatively wider than the picture
   * ({@code bw/iw > bh/ih}), else to its width; {@code cover}: the opposite; {@code stretch}: the box.
   */
  static FittedSize of(ResizeMode mode, double pictureWidth, double pictureHeight, double boxWidth, double boxHeight) {
    boolean boxIsWider = boxWidth / pictureWidth > boxHeight / pictureHeight;
    FittedSize toHeight = new FittedSize(pictureWidth * boxHeight / pictureHeight, boxHeight);
    FittedSize toWidth = new FittedSize(boxWidth, pictureHeight * boxWidth / pictureWidth);
    return switch (mode) {
      case CONTAIN, CONTAIN_BLUR -> boxIsWider ? toHeight : toWidth;
      case COVER -> boxIsWider ? toWidth : toHeight;
      case STRETCH -> new FittedSize(boxWidth, boxHeight);
    };
  }

  FittedSize scaled(double factor) {
    return new FittedSize(width * factor, height * factor);
  }

  /** Whole pixels that hold this size (never 0). */
  int pixelWidth() {
    return Math.max(1, (int) Math.ceil(width - 1e-6));
  }

  int pixelHeight() {
    return Math.max(1, (int) Math.ceil(height - 1e-6));
  }
}
