package dev.smelter.video.render.transition;

/**
 * {@code SimpleFlip}: the picture flips about the vertical centre line: the outgoing frame narrows to
 * nothing by the midpoint, then the incoming one widens back; black at the sides.
 */
final class SimpleFlip extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("SimpleFlip", """
      half4 transition(float2 uv) {
        float w = abs(progress - 0.5);
        float2 q = float2((uv.x - 0.5) / w * 0.5 + 0.5, uv.y);
        half4 c = mix(getFromColor(q), getToColor(q), step(0.5, progress));
        return half4(c.rgb * step(abs(uv.x - 0.5), w), 1.0);
      }
      """);

  SimpleFlip() {
    super(PROGRAM);
  }
}
