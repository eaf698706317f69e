package dev.smelter.video.render.transition;

/**
 * {@code rotateTransition}: the picture (tiled) makes one full turn about the centre while the frames
 * cross-fade.
 */
final class RotateTransition extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("rotateTransition", """
      half4 transition(float2 uv) {
        float a = progress * 3.1415926 * 2.0;
        float c = cos(a); float s = sin(a);
        float2 d = uv - 0.5;
        float2 p = fract(float2(c * d.x - s * d.y, s * d.x + c * d.y) + 0.5);
        return mix(getFromColor(p), getToColor(p), progress);
      }
      """);

  RotateTransition() {
    super(PROGRAM);
  }
}
