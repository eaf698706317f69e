package dev.smelter.video.render.transition;

/**
 * {@code dissolve}: the outgoing frame burns away, brightest parts last (threshold 0.5 + luma/2 against
 * progress), with a glowing rim of width {@code uLineWidth} blending {@code uSpreadClr} to
 * {@code uHotClr} (raised to {@code uPow}, times {@code uIntensity}).
 */
final class Dissolve extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("dissolve", """
      half4 transition(float2 uv) {
        half4 a = getFromColor(uv);
        float burn = 0.5 + 0.5 * (0.299 * a.r + 0.587 * a.g + 0.114 * a.b);
        float show = burn - progress;
        if (show < 0.001) return getToColor(uv);
        float rim = 1.0 - smoothstep(0.0, uLineWidth, show);
        float3 glow = pow(mix(uSpreadClr, uHotClr, rim), float3(uPow)) * uIntensity;
        float3 c = mix(float3(a.rgb), glow, rim * step(0.0001, progress));
        return half4(half3(c) * a.a, a.a);
      }
      """);

  Dissolve() {
    super(PROGRAM);
  }
}
