package dev.smelter.video.render.transition;

/**
 * {@code wind}: a ragged wipe from the left (right with {@code reversed}): each row's edge is offset by a
 * random amount up to {@code size}, as if blown away.
 */
final class Wind extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("wind", """
      float rowHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      half4 transition(float2 uv) {
        float x = reversed > 0.5 ? 1.0 - uv.x : uv.x;
        float r = rowHash(float2(0.0, uv.y));
        float m = smoothstep(0.0, -size, x * (1.0 - size) + size * r - progress * (1.0 + size));
        return mix(getFromColor(uv), getToColor(uv), m);
      }
      """);

  Wind() {
    super(PROGRAM);
  }
}
