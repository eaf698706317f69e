package dev.smelter.video.render.transition;

/**
 * {@code ZoomRigthWipe} (sic): like {@code ZoomLeftWipe}, but the incoming frame wipes in from the left
 * edge rightwards.
 */
final class ZoomRightWipe extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("ZoomRigthWipe", """
      float2 zoomed(float2 uv, float amount) {
        return amount < 0.5 ? 0.5 + (uv - 0.5) * (1.0 - amount) : 0.5 + (uv - 0.5) * amount;
      }

      half4 transition(float2 uv) {
        float quick = clamp(zoom_quickness, 0.0, 0.5);
        if (progress < 0.5) return getFromColor(zoomed(uv, smoothstep(0.0, quick, progress)));
        return mix(getFromColor(uv), getToColor(uv), step(uv.x, (progress - 0.5) * 2.0));
      }
      """);

  ZoomRightWipe() {
    super(PROGRAM);
  }
}
