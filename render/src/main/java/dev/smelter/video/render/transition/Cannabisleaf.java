package dev.smelter.video.render.transition;

/**
 * {@code cannabisleaf}: the incoming frame appears inside a leaf-shaped polar curve centred slightly
 * below the middle, growing as progress^3.5.
 */
final class Cannabisleaf extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("cannabisleaf", """
      half4 transition(float2 uv) {
        if (progress == 0.0) return getFromColor(uv);
        float2 leaf = (uv - 0.5) / 10.0 / pow(progress, 3.5);
        leaf.y += 0.35;
        float o = atan(leaf.y, leaf.x);
        float shape = 0.18 * (1.0 + sin(o)) * (1.0 + 0.9 * cos(8.0 * o)) * (1.0 + 0.1 * cos(24.0 * o)) * (0.9 + 0.05 * cos(200.0 * o));
        return mix(getFromColor(uv), getToColor(uv), 1.0 - step(1.0 - length(leaf) + shape, 1.0));
      }
      """);

  Cannabisleaf() {
    super(PROGRAM);
  }
}
