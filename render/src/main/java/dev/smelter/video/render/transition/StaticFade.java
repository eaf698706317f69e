package dev.smelter.video.render.transition;

/**
 * {@code StaticFade}: a hard cut at the midpoint hidden behind coloured static: a grid of
 * {@code n_noise_pixels} noise cells, of brightness {@code static_luminosity}, covers more of the
 * picture the closer progress is to 0.5.
 */
final class StaticFade extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("StaticFade", """
      float noiseHash(float2 st) { return fract(referenceSin(dot(st, float2(10.5302340293, 70.23492931))) * 12345.5453123); }
      // rnd(cell * vec2(a·p, b·p)) as the reference's compiler rewrites it (probed bit for bit on
      // llvmpipe): (cell.x·k1)·(a·p) + (cell.y·k2)·(b·p).
      float scaledHash(float2 cell, float a, float b) {
        float d = (cell.x * 10.5302340293) * (progress * a) + (cell.y * 70.23492931) * (progress * b);
        return fract(referenceSin(d) * 12345.5453123);
      }

      half4 transition(float2 uv) {
        half4 c = mix(getFromColor(uv), getToColor(uv), step(0.5, progress));
        float2 cell = floor(uv * n_noise_pixels) / n_noise_pixels;
        float3 noise = static_luminosity * float3(scaledHash(cell, 2.0, 3.0), scaledHash(cell, 3.0, 5.0), scaledHash(cell, 5.0, 7.0));
        float threshold = min(1.0, 1.2 * (1.0 - abs(2.0 * (progress - 0.5))) - 0.1);
        return mix(c, half4(half3(noise), 1.0), step(noiseHash(cell), threshold));
      }
      """);

  StaticFade() {
    super(PROGRAM);
  }
}
