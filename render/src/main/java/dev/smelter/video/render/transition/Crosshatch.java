package dev.smelter.video.render.transition;

/**
 * {@code crosshatch}: the incoming frame spreads from {@code center} along random horizontal and
 * vertical hatch lines (a pixel switches when progress minus the smaller of its row/column hashes
 * exceeds its distance/{@code threshold}); the whole effect fades in and out over {@code fadeEdge}.
 */
final class Crosshatch extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("crosshatch", """
      float lineHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      half4 transition(float2 p) {
        float dist = distance(center, p) / threshold;
        float r = progress - min(lineHash(float2(p.y, 0.0)), lineHash(float2(0.0, p.x)));
        float m = mix(0.0, mix(step(dist, r), 1.0, smoothstep(1.0 - fadeEdge, 1.0, progress)), smoothstep(0.0, fadeEdge, progress));
        return mix(getFromColor(p), getToColor(p), m);
      }
      """);

  Crosshatch() {
    super(PROGRAM);
  }
}
