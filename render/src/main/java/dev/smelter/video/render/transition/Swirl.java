package dev.smelter.video.render.transition;

/**
 * {@code Swirl}: a cross-fade while the picture is twisted about the centre; the twist angle is
 * 8π·(1−r)²·a inside radius 1 (a rises to 1 at the midpoint and back to 0).
 */
final class Swirl extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Swirl", """
      half4 transition(float2 uv) {
        float2 d = uv - 0.5;
        float r = length(d);
        if (r < 1.0) {
          float amount = progress <= 0.5 ? progress * 2.0 : 2.0 - progress * 2.0;
          float theta = (1.0 - r) * (1.0 - r) * amount * 8.0 * 3.14159;
          float c = cos(theta); float s = sin(theta);
          d = float2(d.x * c - d.y * s, d.x * s + d.y * c);
        }
        float2 q = d + 0.5;
        return mix(getFromColor(q), getToColor(q), progress);
      }
      """);

  Swirl() {
    super(PROGRAM);
  }
}
