package dev.smelter.video.render.transition;

/**
 * {@code Fold}: the incoming frame unrolls from the left edge (squeezed into [0, p]) while the outgoing
 * frame is squeezed into [p, 1].
 */
final class Fold extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Fold", """
      half4 transition(float2 uv) {
        half4 a = getFromColor(float2((uv.x - progress) / (1.0 - progress), uv.y));
        half4 b = getToColor(float2(uv.x / max(progress, 1e-6), uv.y)); // progress 0: any sample, weight 0
        return mix(a, b, step(uv.x, progress));
      }
      """);

  Fold() {
    super(PROGRAM);
  }
}
