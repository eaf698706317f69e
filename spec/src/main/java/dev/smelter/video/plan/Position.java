package dev.smelter.video.plan;

/**
 * Where a layer's origin sits, relative to the frame (0..1), and which point of the layer is the
 * origin. Editly's position strings map to a 5% margin, e.g. {@code bottom} → (0.5, 0.95) with
 * origin (center, bottom).
 */
public record Position(double x, double y, OriginX originX, OriginY originY) {
  public enum OriginX { LEFT, CENTER, RIGHT }
  public enum OriginY { TOP, CENTER, BOTTOM }

  public static final Position CENTER = new Position(0.5, 0.5, OriginX.CENTER, OriginY.CENTER);

  /** Fraction of the layer's own width to subtract from x to find its left edge. */
  public double originFractionX() {
    return switch (originX) { case LEFT -> 0; case CENTER -> 0.5; case RIGHT -> 1; };
  }

  public double originFractionY() {
    return switch (originY) { case TOP -> 0; case CENTER -> 0.5; case BOTTOM -> 1; };
  }
}
