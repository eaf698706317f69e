package dev.smelter.video.render.transition;

/**
 * {@code chessboard}: on a {@code grid_num}² chessboard, the odd squares wipe left to right to the
 * incoming frame during the first half, the even ones during the second.
 */
final class Chessboard extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("chessboard", """
      half4 transition(float2 uv) {
        float2 st = uv * grid_num;
        float2 cell = floor(st);
        float x = fract(st).x;
        float odd = mod(cell.x + cell.y, 2.0);
        float m;
        if (progress <= 0.5) m = odd > 0.5 ? step(x, progress * 2.0) : 0.0;
        else m = odd < 0.5 ? step(x, (progress - 0.5) * 2.0) : 1.0;
        return mix(getFromColor(uv), getToColor(uv), m);
      }
      """);

  Chessboard() {
    super(PROGRAM);
  }
}
