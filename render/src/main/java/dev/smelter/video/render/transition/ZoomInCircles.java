package dev.smelter.video.render.transition;

/**
 * {@code ZoomInCircles}: three concentric rings (aspect-corrected) zoom into the outgoing frame at
 * different rates (×0.85/0.8/0.75 at the end), and after 80 % the rings expand fast while the
 * incoming frame fades in, fastest in the middle.
 */
final class ZoomInCircles extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("ZoomInCircles", """
      half4 transition(float2 uv) {
        float r = length(2.0 * (uv - 0.5) * float2(1.0, 1.0 / ratio));
        float pro = progress / 0.8;
        float z = pro * 0.2;
        float t = 0.0;
        if (pro > 1.0) {
          z = 0.2 + (pro - 1.0) * 5.0;
          t = clamp((progress - 0.8) / 0.07, 0.0, 1.0);
        }
        float2 q = uv;
        if (r < 0.5 + z) {
          // innermost disc: unzoomed
        } else if (r < 0.8 + z * 1.5) {
          q = 0.5 + (uv - 0.5) * (1.0 - 0.15 * pro);
          t *= 0.5;
        } else if (r < 1.2 + z * 2.5) {
          q = 0.5 + (uv - 0.5) * (1.0 - 0.2 * pro);
          t *= 0.2;
        } else {
          q = 0.5 + (uv - 0.5) * (1.0 - 0.25 * pro);
        }
        return mix(getFromColor(q), getToColor(q), t);
      }
      """);

  ZoomInCircles() {
    super(PROGRAM);
  }
}
