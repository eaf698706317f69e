package dev.smelter.video.render.transition;

/**
 * {@code VerticalClose}: the incoming frame closes in from the left and right edges towards the
 * vertical centre line, with a soft edge.
 */
final class VerticalClose extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("VerticalClose", """
      half4 transition(float2 uv) {
        float s = 2.0 - abs((uv.x - 0.5) / (progress - 1.0)) - 2.0 * progress;
        return mix(getFromColor(uv), getToColor(uv), smoothstep(0.5, 0.0, s));
      }
      """);

  VerticalClose() {
    super(PROGRAM);
  }
}
