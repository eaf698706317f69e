package dev.smelter.video.render.transition;

/**
 * {@code SimpleZoomOut}: the incoming frame zooms out from its centre (infinitely magnified at the start
 * of the last {@code zoom_quickness} of progress) over the outgoing frame, faded in over the same
 * span ({@code fade}) or cut in.
 */
final class SimpleZoomOut extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("SimpleZoomOut", """
      half4 transition(float2 uv) {
        float quick = clamp(zoom_quickness, 0.2, 1.0);
        float z = smoothstep(1.0 - quick, 1.0, progress);
        half4 incoming = getToColor(0.5 + (uv - 0.5) * z);
        float w = fade > 0.5 ? z : (progress < 1.0 - quick ? 0.0 : 1.0);
        return mix(getFromColor(uv), incoming, w);
      }
      """);

  SimpleZoomOut() {
    super(PROGRAM);
  }
}
