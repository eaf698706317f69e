package dev.smelter.video.render.transition;

/**
 * {@code HorizontalOpen}: the incoming frame opens out from the horizontal centre line towards the top
 * and bottom, with a soft edge.
 */
final class HorizontalOpen extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("HorizontalOpen", """
      half4 transition(float2 uv) {
        float r = 1.0 - progress;
        float s = 2.0 - abs((uv.y - 0.5) / (r - 1.0)) - 2.0 * r;
        return mix(getFromColor(uv), getToColor(uv), smoothstep(0.0, 0.5, s));
      }
      """);

  HorizontalOpen() {
    super(PROGRAM);
  }
}
