package dev.smelter.video.render.transition;

/**
 * {@code randomsquares}: the frame is cut into {@code size} squares, each switching with a soft edge
 * ({@code smoothness}) at its own random moment.
 */
final class Randomsquares extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("randomsquares", """
      float cellHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      half4 transition(float2 p) {
        float r = cellHash(floor(floor(size) * p));
        float m = smoothstep(0.0, -smoothness, r - progress * (1.0 + smoothness));
        return mix(getFromColor(p), getToColor(p), m);
      }
      """);

  Randomsquares() {
    super(PROGRAM);
  }
}
