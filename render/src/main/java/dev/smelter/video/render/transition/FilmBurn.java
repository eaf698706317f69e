package dev.smelter.video.render.transition;

/**
 * {@code FilmBurn}: a cross-fade (steep sigmoid) seen through a film burn: 13 moving sine blotches and
 * drifting hot spots (seeded by {@code Seed}) are added in warm tones, the picture pulses in scale, and
 * a 50-tap jittered radial blur follows sin(πp). The noise relies on large-argument sines, so exact
 * values differ between GPUs and this CPU evaluation.
 */
final class FilmBurn extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("FilmBurn", """
      float sigmoid(float x, float a) {
        return x > 0.5 ? 1.0 - pow(2.0 - x * 2.0, a) / 2.0 : pow(x * 2.0, a) / 2.0;
      }

      float seeded(float co) { return fract(referenceSin(co * 24.9898 + Seed) * 43758.5453); }

      float seeded2(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      float signedPow(float a, float b) { return pow(abs(a), b) * sign(b); }

      float cellValue(float2 co, float shift) {
        co += 10.0;
        float v0 = fract(referenceSin(dot(co, float2(12.9898 + floor(shift) * 0.5, 78.233 + Seed))) * 43758.5453);
        float v1 = fract(referenceSin(dot(co, float2(12.9898 + floor(shift + 1.0) * 0.5, 78.233 + Seed))) * 43758.5453);
        return mix(v0, v1, sigmoid(fract(shift), 2.0));
      }

      float smoothValue(float2 co, float shift) {
        float2 i = floor(co);
        float2 f = fract(co);
        float top = mix(cellValue(i, shift), cellValue(i + float2(1.0, 0.0), shift), sigmoid(f.x, 2.0));
        float bottom = mix(cellValue(i + float2(0.0, 1.0), shift), cellValue(i + float2(1.0, 1.0), shift), sigmoid(f.x, 2.0));
        return mix(top, bottom, sigmoid(f.y, 2.0));
      }

      half4 blended(float2 p) { return mix(getFromColor(p), getToColor(p), sigmoid(progress, 10.0)); }

      half4 transition(float2 p) {
        const float PI = 3.14159265358979323;
        float3 f = float3(0.0);
        for (int k = 0; k < 13; k++) {
          float i = float(k);
          f += sin(p.x * seeded(i) * 6.0 + progress * 8.0 + seeded(i + 1.43)) * sin(p.y * seeded(i + 4.4) * 6.0 + progress * 6.0 + seeded(i + 2.4));
          float2 spot = float2(smoothValue(float2(progress * 1.3), i + 1.0), smoothValue(float2(progress * 0.5), i + 6.25));
          f += 1.0 - clamp(length(p - spot) * mix(20.0, 70.0, seeded(i)), 0.0, 1.0);
        }
        f = (f + 4.0) / 11.0;
        float3 warm = f * float3(1.0, 0.7, 0.6);
        float3 e = float3(1.0, 2.0 - sin(progress * PI), 1.3);
        f = float3(signedPow(warm.r, e.r), signedPow(warm.g, e.g), signedPow(warm.b, e.b)) * sin(progress * PI);
        p = (p - 0.5) * (1.0 + smoothValue(float2(progress * 5.0), 6.3) * sin(progress * PI) * 0.05) + 0.5;
        half4 sum = half4(0.0);
        float blur = sin(progress * PI) * 0.03;
        for (int k = 0; k < 50; k++) {
          float a = degrees(float(k) / 50.0 * 360.0);
          float2 q = float2(referenceCos(a), referenceSin(a)) * (seeded2(float2(float(k), p.x + p.y)) + blur);
          sum += blended(p + q * blur);
        }
        return sum / 50.0 + half4(half3(f), 0.0);
      }
      """);

  FilmBurn() {
    super(PROGRAM);
  }
}
