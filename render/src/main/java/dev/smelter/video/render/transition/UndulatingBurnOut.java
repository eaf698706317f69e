package dev.smelter.video.render.transition;

/**
 * {@code undulatingBurnOut}: a circle around {@code center} with a wavy rim (30 undulations whose
 * amplitude grows with progress) expands; inside it the incoming frame, on the rim a thin line of the
 * outgoing frame tinted 75 % towards {@code color}.
 *
 * <p>The rim is where the gradient value is exactly −2: the original picks it with
 * {@code mix(edge, −1 − step(…), inBand)} and then {@code step(m, −2)}. On the reference's GL that
 * mix returns its second value exactly when the weight is 1; Skia's {@code mix} computes
 * {@code a + (b − a)·1}, which can land an ulp above −2 and drop the pixel from the rim (10–16
 * pixels a frame along the rim at 96×64, fidelity/transition-sweep.sh). So the weighted sum is
 * written out, exact at weights 0 and 1. The sines are the reference's ({@code referenceSin}) and
 * the angle's scale one constant, as in the original.
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
        float edge = smoothstep(-smoothness, 0.0, radius - dist * (1.0 + smoothness));
        float band = step(-0.005, gap) * step(gap, 0.01);
        float m = edge * (1.0 - band) + (-1.0 - step(0.005, gap)) * band;
        half4 a = getFromColor(p);
        half4 b = getToColor(p);
        return mix(mix(a, b, m), mix(a, half4(half3(color), 1.0), 0.75), step(m, -2.0));
      }
      """);

  UndulatingBurnOut() {
    super(PROGRAM);
  }
}
