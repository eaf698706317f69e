package dev.smelter.video.render.transition;

/**
 * {@code windowslice}: {@code count} vertical slats open from left to right: behind a soft front
 * (width {@code smoothness}) each slat shows more of the incoming frame from its left edge.
 */
final class Windowslice extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("windowslice", """
      half4 transition(float2 p) {
        float front = smoothstep(-smoothness, 0.0, p.x - progress * (1.0 + smoothness));
        return mix(getFromColor(p), getToColor(p), step(front, fract(count * p.x)));
      }
      """);

  Windowslice() {
    super(PROGRAM);
  }
}
