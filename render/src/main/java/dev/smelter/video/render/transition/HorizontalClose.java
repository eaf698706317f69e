package dev.smelter.video.render.transition;

/**
 * {@code HorizontalClose}: the incoming frame closes in from the top and bottom edges towards the
 * horizontal centre line, with a soft edge.
 */
final class HorizontalClose extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("HorizontalClose", """
      half4 transition(float2 uv) {
        float s = 2.0 - abs((uv.y - 0.5) / (progress - 1.0)) - 2.0 * progress;
        return mix(getFromColor(uv), getToColor(uv), smoothstep(0.5, 0.0, s));
      }
      """);

  HorizontalClose() {
    super(PROGRAM);
  }
}
