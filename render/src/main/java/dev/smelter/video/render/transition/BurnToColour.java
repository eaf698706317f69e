package dev.smelter.video.render.transition;

/**
 * {@code burn0}: the outgoing frame burns away along a 4-octave value-noise front (noise of uv·4,
 * threshold = progress, 5 % soft), with a {@code burnColor} glow on the burning edge.
 */
final class BurnToColour extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("burn0", """
      float cellHash(float2 st) { return fract(referenceSin(dot(st, float2(12.9898, 78.233))) * 43758.5453123); }

      float valueNoise(float2 st) {
        float2 i = floor(st);
        float2 f = fract(st);
        float a = cellHash(i);
        float b = cellHash(i + float2(1.0, 0.0));
        float c = cellHash(i + float2(0.0, 1.0));
        float d = cellHash(i + float2(1.0, 1.0));
        float2 u = f * f * (3.0 - 2.0 * f);
        return mix(a, b, u.x) + (c - a) * u.y * (1.0 - u.x) + (d - b) * u.x * u.y;
      }

      float fractal(float2 st) {
        float sum = 0.0;
        float weight = 0.5;
        for (int i = 0; i < 4; i++) {
          sum += weight * valueNoise(st);
          st *= 2.0;
          weight *= 0.5;
        }
        return sum;
      }

      half4 transition(float2 uv) {
        if (progress <= 0.0) return getFromColor(uv);
        if (progress >= 1.0) return getToColor(uv);
        float keep = smoothstep(progress, progress + 0.05, fractal(uv * 4.0));
        float glow = (1.0 - keep) * keep * 5.0;
        return mix(getToColor(uv), getFromColor(uv), keep) + half4(half3(burnColor) * glow, 0.0);
      }
      """);

  BurnToColour() {
    super(PROGRAM);
  }
}
