package dev.smelter.video.render.transition;

/**
 * {@code Overexposure}: an additive cross-fade that over-brightens in the middle: each frame's
 * weight is its linear share plus {@code strength}·sin(πp).
 */
final class Overexposure extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Overexposure", """
      half4 transition(float2 uv) {
        half4 a = getFromColor(uv);
        half4 b = getToColor(uv);
        float boost = sin(3.141592653589793 * progress) * strength;
        return half4(a.rgb * a.a * (1.0 - progress + boost) + b.rgb * b.a * (progress + boost), 1.0);
      }
      """);

  Overexposure() {
    super(PROGRAM);
  }
}
