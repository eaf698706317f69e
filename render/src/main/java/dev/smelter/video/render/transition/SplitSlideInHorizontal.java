package dev.smelter.video.render.transition;

/**
 * {@code splitSlideInHorizontal}: the incoming frame slides in as two halves: the lower half
 * (uv.y > 0.5) from the right, the upper from the left ({@code reverse} swaps), over the still
 * outgoing frame.
 */
final class SplitSlideInHorizontal extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("splitSlideInHorizontal", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float k = reverse > 0.5 ? -1.0 : 1.0;
        float2 q = uv.y > 0.5 ? float2(uv.x - progress * k + k, uv.y) : float2(uv.x + progress * k - k, uv.y);
        return within(q) ? getToColor(q) : getFromColor(uv);
      }
      """);

  SplitSlideInHorizontal() {
    super(PROGRAM);
  }
}
