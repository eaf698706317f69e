package dev.smelter.video.render.transition;

/**
 * {@code Radial}: a clock-hand wipe around the centre: the incoming frame is revealed where the
 * polar angle (of uv·2−1) is below a line sweeping 2.5π over the transition, softened by
 * {@code smoothness} radians.
 */
final class Radial extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Radial", """
      half4 transition(float2 p) {
        float2 rp = p * 2.0 - 1.0;
        float keep = smoothstep(0.0, smoothness, atan(rp.y, rp.x) - (progress - 0.5) * 3.141592653589 * 2.5);
        return mix(getToColor(p), getFromColor(p), keep);
      }
      """);

  Radial() {
    super(PROGRAM);
  }
}
