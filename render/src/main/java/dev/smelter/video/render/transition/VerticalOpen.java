package dev.smelter.video.render.transition;

/**
 * {@code VerticalOpen}: the incoming frame opens out from the vertical centre line towards the left
 * and right, with a soft edge.
 */
final class VerticalOpen extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("VerticalOpen", """
      half4 transition(float2 uv) {
        float r = 1.0 - progress;
        float s = 2.0 - abs((uv.x - 0.5) / (r - 1.0)) - 2.0 * r;
        return mix(getFromColor(uv), getToColor(uv), smoothstep(0.0, 0.5, s));
      }
      """);

  VerticalOpen() {
    super(PROGRAM);
  }
}
