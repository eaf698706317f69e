package dev.smelter.video.render.transition;

/**
 * {@code TVStatic}: the outgoing frame until {@code offset}, then grey static (a sine hash of uv scaled
 * by progress), then the incoming frame for the last {@code offset}.
 */
final class TvStatic extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("TVStatic", """
      float staticNoise(float2 co) {
        // As the reference's compiler rewrites dot(co * progress, k): dot(co, k) * progress.
        float d = dot(co, float2(12.9898, 78.233)) * progress;
        return fract(referenceSin(mod(d, 3.14)) * 43758.5453);
      }

      half4 transition(float2 p) {
        if (progress < offset) return getFromColor(p);
        if (progress > 1.0 - offset) return getToColor(p);
        return half4(half3(staticNoise(p)), 1.0);
      }
      """);

  TvStatic() {
    super(PROGRAM);
  }
}
