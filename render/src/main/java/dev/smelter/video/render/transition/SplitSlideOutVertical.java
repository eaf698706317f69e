package dev.smelter.video.render.transition;

/**
 * {@code splitSlideOutVertical}: the outgoing frame slides out as two halves (split at uv.x = 0.5)
 * in opposite vertical directions, uncovering the still incoming frame.
 */
final class SplitSlideOutVertical extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("splitSlideOutVertical", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float k = (uv.x > 0.5 ? 1.0 : -1.0) * (reverse > 0.5 ? -1.0 : 1.0);
        float2 q = float2(uv.x, uv.y + progress * k);
        return within(q) ? getFromColor(q) : getToColor(uv);
      }
      """);

  SplitSlideOutVertical() {
    super(PROGRAM);
  }
}
