package dev.smelter.video.render.transition;

/**
 * {@code splitSlideInOutHorizontal}: the two halves (split at uv.y = 0.5) push horizontally in
 * opposite directions, each half of the incoming frame pushing out the matching half of the outgoing
 * one.
 */
final class SplitSlideInOutHorizontal extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("splitSlideInOutHorizontal", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float k = (uv.y > 0.5 ? 1.0 : -1.0) * (reverse > 0.5 ? -1.0 : 1.0);
        float2 outgoing = float2(uv.x + progress * k, uv.y);
        return within(outgoing) ? getFromColor(outgoing) : getToColor(float2(uv.x + progress * k - k, uv.y));
      }
      """);

  SplitSlideInOutHorizontal() {
    super(PROGRAM);
  }
}
