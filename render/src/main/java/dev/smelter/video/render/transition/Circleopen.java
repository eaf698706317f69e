package dev.smelter.video.render.transition;

/**
 * {@code circleopen}: the incoming frame appears in a circle growing from the centre (soft edge
 * {@code smoothness}); with {@code opening} false the outgoing frame shrinks into the centre instead.
 */
final class Circleopen extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("circleopen", """
      half4 transition(float2 uv) {
        bool open = opening > 0.5;
        float x = open ? progress : 1.0 - progress;
        float m = smoothstep(-smoothness, 0.0, 1.414213562373 * distance(float2(0.5), uv) - x * (1.0 + smoothness));
        return mix(getFromColor(uv), getToColor(uv), open ? 1.0 - m : m);
      }
      """);

  Circleopen() {
    super(PROGRAM);
  }
}
