package dev.smelter.video.render.transition;

/**
 * {@code undulatingBurnOut}: a circle around {@code center} with a wavy rim (30 undulations whose
 * amplitude grows with progress) expands; inside it the incoming frame, on the rim a thin line of the
 * outgoing frame tinted 75 % towards {@code color}.
 *
 * <p>The rim is a band of fixed width around a radius that depends on sin(15·angle), so the sines are
 * the reference's ({@code referenceSin}) and the angle's scale one constant as the original has it;
 * a few pixels at the band's edges still flip (its {@code atan}, docs/fidelity-transitions.md).
 */
final class UndulatingBurnOut extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("undulatingBurnOut", """
      float quadInOut(float t) { float q = 2.0 * t * t; return t < 0.5 ? q : -q + 4.0 * t - 1.0; }

      half4 transition(float2 p) {
        const float PI = 3.14159265358979323846;
        float dist = distance(center, p);
        float2 d = p - center;
        float degs = (degrees(atan(d.y, d.x)) + 180.0) * ((PI * 30.0) / 360.0);
        float magnitude = mix(0.02, 0.09, smoothstep(0.0, 1.0, progress));
        float freq = mix(40.0, 30.0, smoothstep(0.0, 1.0, progress));
        float radius = progress + quadInOut(referenceSin(degs)) * magnitude * referenceSin(progress * freq);
        float gap = radius - dist;
        float m = mix(smoothstep(-smoothness, 0.0, radius - dist * (1.0 + smoothness)), -1.0 - step(0.005, gap), step(-0.005, gap) * step(gap, 0.01));
        half4 a = getFromColor(p);
        half4 b = getToColor(p);
        return mix(mix(a, b, m), mix(a, half4(half3(color), 1.0), 0.75), step(m, -2.0));
      }
      """);

  UndulatingBurnOut() {
    super(PROGRAM);
  }
}
