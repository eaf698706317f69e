package dev.smelter.video.render.transition;

/**
 * {@code squeeze}: the outgoing frame is squeezed vertically into the horizontal centre line with a
 * vertical RGB split ({@code colorSeparation}·p), uncovering the incoming frame above and below.
 */
final class Squeeze extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("squeeze", """
      half4 transition(float2 uv) {
        float y = 0.5 + (uv.y - 0.5) / (1.0 - progress);
        if (y < 0.0 || y > 1.0) return getToColor(uv);
        float2 q = float2(uv.x, y);
        float2 split = float2(0.0, progress * colorSeparation);
        half4 c = getFromColor(q);
        return half4(getFromColor(q - split).r, c.g, getFromColor(q + split).b, c.a);
      }
      """);

  Squeeze() {
    super(PROGRAM);
  }
}
