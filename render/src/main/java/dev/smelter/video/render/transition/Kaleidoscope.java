package dev.smelter.video.render.transition;

/**
 * {@code kaleidoscope}: the picture is folded seven times (rotate by t, add {@code angle}, fold with
 * |mod(p,2)−1|; t = progress^power·speed); the folded cross-fade is mixed in most strongly at the
 * midpoint, over a plain cross-fade.
 */
final class Kaleidoscope extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("kaleidoscope", """
      half4 transition(float2 uv) {
        float t = pow(progress, power) * speed;
        float2 p = uv - 0.5;
        for (int i = 0; i < 7; i++) {
          p = float2(sin(t) * p.x + cos(t) * p.y, sin(t) * p.y - cos(t) * p.x);
          t += angle;
          p = abs(mod(p, 2.0) - 1.0);
        }
        half4 plain = mix(getFromColor(uv), getToColor(uv), progress);
        half4 folded = mix(getFromColor(p), getToColor(p), progress);
        return mix(plain, folded, 1.0 - 2.0 * abs(progress - 0.5));
      }
      """);

  Kaleidoscope() {
    super(PROGRAM);
  }
}
