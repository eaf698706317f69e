package dev.smelter.video.render.transition;

/**
 * {@code perlin}: a noise dissolve: value noise of uv·{@code scale} (hash seeded by {@code seed}) is
 * compared with a threshold sweeping through it, edge width {@code smoothness}.
 */
final class Perlin extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("perlin", """
      float cellHash(float2 co) {
        float d = dot(co, float2(seed, 78.233));
        return fract(referenceSin(mod(d, 3.14)) * 43758.5453);
      }

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

      half4 transition(float2 uv) {
        float t = mix(-smoothness, 1.0 + smoothness, progress);
        float keep = smoothstep(t - smoothness, t + smoothness, valueNoise(uv * scale));
        return mix(getFromColor(uv), getToColor(uv), 1.0 - keep);
      }
      """);

  Perlin() {
    super(PROGRAM);
  }
}
