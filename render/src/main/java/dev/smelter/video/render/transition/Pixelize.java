package dev.smelter.video.render.transition;

/**
 * {@code pixelize}: both frames are pixelated (at least {@code squaresMin} squares, coarsest at the
 * midpoint, quantised to {@code steps}) while they cross-fade.
 */
final class Pixelize extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("pixelize", """
      half4 transition(float2 uv) {
        float d = min(progress, 1.0 - progress);
        float dist = steps > 0.0 ? ceil(d * steps) / steps : d;
        float2 square = 2.0 * dist / squaresMin;
        float2 q = dist > 0.0 ? (floor(uv / square) + 0.5) * square : uv;
        return mix(getFromColor(q), getToColor(q), progress);
      }
      """);

  Pixelize() {
    super(PROGRAM);
  }
}
