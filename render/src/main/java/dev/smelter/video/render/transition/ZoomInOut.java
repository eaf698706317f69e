package dev.smelter.video.render.transition;

/**
 * {@code zoomInOut}: the outgoing frame zooms into its centre over the first half, the incoming frame
 * zooms out from its centre over the second, cross-fading over 0.4–0.6.
 */
final class ZoomInOut extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("zoomInOut", """
      float2 zoomed(float2 uv, float amount) { return 0.5 + (uv - 0.5) * (1.0 - amount); }

      half4 transition(float2 uv) {
        half4 a = getFromColor(zoomed(uv, smoothstep(0.0, 1.0, progress * 2.0)));
        half4 b = getToColor(zoomed(uv, smoothstep(0.0, 1.0, (1.0 - progress) * 2.0)));
        return mix(a, b, smoothstep(0.4, 0.6, progress));
      }
      """);

  ZoomInOut() {
    super(PROGRAM);
  }
}
