package dev.smelter.video.render.transition;

/**
 * {@code splitSlideInVertical}: the incoming frame slides in as two halves, the right one
 * (uv.x > 0.5) from one edge and the left one from the other, over the still outgoing frame.
 */
final class SplitSlideInVertical extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("splitSlideInVertical", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float k = reverse > 0.5 ? -1.0 : 1.0;
        float2 q = uv.x > 0.5 ? float2(uv.x, uv.y - progress * k + k) : float2(uv.x, uv.y + progress * k - k);
        return within(q) ? getToColor(q) : getFromColor(uv);
      }
      """);

  SplitSlideInVertical() {
    super(PROGRAM);
  }
}
