package dev.smelter.video.render.compose;

import io.github.humbleui.types.Rect;

/**
 * Where a Fabric {@code Rect} placed by {@code left}/{@code top} really fills. Fabric counts the
 * default {@code strokeWidth} of 1 into an object's size even when it has no stroke, so a W×H rect
 * at (left, top) is centred half a pixel further on: its fill spans left + 0.5 … left + W + 0.5
 * (cairo antialiases the half-covered edge pixels). Editly's subtitle and news-title boxes are such
 * rects.
 */
final class FabricRect {
  private static final double HALF_STROKE = 0.5;

  private FabricRect() {}

  /** A rect with Fabric's default origin (left, top). */
  static Rect topLeft(double left, double top, double width, double height) {
    return Rect.makeXYWH((float) (left + HALF_STROKE), (float) (top + HALF_STROKE), (float) width, (float) height);
  }

  /** A rect with {@code originY: 'bottom'}: {@code bottom} is where its stroke-inclusive box ends. */
  static Rect bottomLeft(double left, double bottom, double width, double height) {
    return Rect.makeXYWH((float) (left + HALF_STROKE), (float) (bottom - HALF_STROKE - height), (float) width, (float) height);
  }
}
