package dev.smelter.video.render.transition;

/**
 * {@code randomNoisex}: per-pixel random dissolve: a pixel switches once progress exceeds one minus its
 * hash.
 */
final class RandomNoisex extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("randomNoisex", """
      float pixelHash(float2 st) { return fract(referenceSin(dot(st, float2(12.9898, 78.233))) * 43758.5453123); }

      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(uv), floor(pixelHash(uv) + progress));
      }
      """);

  RandomNoisex() {
    super(PROGRAM);
  }
}
