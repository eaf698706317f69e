package dev.smelter.video.render.transition;

/**
 * {@code splitSlideInOutVertical}: the two halves (split at uv.x = 0.5) push vertically in opposite
 * directions, each half of the incoming frame pushing out the matching half of the outgoing one.
 */
final class SplitSlideInOutVertical extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("splitSlideInOutVertical", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float k = (uv.x > 0.5 ? 1.0 : -1.0) * (reverse > 0.5 ? -1.0 : 1.0);
        float2 outgoing = float2(uv.x, uv.y + progress * k);
        return within(outgoing) ? getFromColor(outgoing) : getToColor(float2(uv.x, uv.y + progress * k - k));
      }
      """);

  SplitSlideInOutVertical() {
    super(PROGRAM);
  }
}
