package dev.smelter.video.render.transition;

/**
 * {@code squareswire}: a soft diagonal front moves along {@code direction}; behind it each of the
 * {@code squares} cells shows the incoming frame in a square that grows from its centre.
 */
final class Squareswire extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("squareswire", """
      half4 transition(float2 p) {
        float2 v = normalize(direction);
        v /= abs(v.x) + abs(v.y);
        float d = v.x * 0.5 + v.y * 0.5;
        float front = smoothstep(-smoothness, 0.0, dot(v, p) - (d - 0.5 + progress * (1.0 + smoothness)));
        float2 local = fract(p * floor(squares));
        float lo = front / 2.0;
        float hi = 1.0 - front / 2.0;
        float a = (1.0 - step(progress, 0.0)) * step(lo, local.x) * step(lo, local.y) * step(local.x, hi) * step(local.y, hi);
        return mix(getFromColor(p), getToColor(p), a);
      }
      """);

  Squareswire() {
    super(PROGRAM);
  }
}
