package dev.smelter.video.render.transition;

/**
 * {@code ZoomLeftWipe}: the outgoing frame zooms into its centre during the first half (fully at
 * {@code zoom_quickness}, capped at 0.5, and mirrored back out after), then the incoming frame wipes
 * in from the right edge leftwards at full size.
 */
final class ZoomLeftWipe extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("ZoomLeftWipe", """
      float2 zoomed(float2 uv, float amount) {
        return amount < 0.5 ? 0.5 + (uv - 0.5) * (1.0 - amount) : 0.5 + (uv - 0.5) * amount;
      }

      half4 transition(float2 uv) {
        float quick = clamp(zoom_quickness, 0.0, 0.5);
        if (progress < 0.5) return getFromColor(zoomed(uv, smoothstep(0.0, quick, progress)));
        return mix(getFromColor(uv), getToColor(uv), step(1.0 - uv.x, (progress - 0.5) * 2.0));
      }
      """);

  ZoomLeftWipe() {
    super(PROGRAM);
  }
}
