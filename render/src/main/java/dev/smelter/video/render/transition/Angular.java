package dev.smelter.video.render.transition;

/**
 * {@code angular}: a hard clock wipe around the centre starting at {@code startingAngle} degrees: a pixel
 * switches once its normalised polar angle is below progress.
 */
final class Angular extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("angular", """
      half4 transition(float2 uv) {
        const float PI = 3.141592653589;
        float angle = atan(uv.y - 0.5, uv.x - 0.5) + startingAngle * PI / 180.0;
        float turn = fract((angle + PI) / (2.0 * PI));
        return mix(getFromColor(uv), getToColor(uv), step(turn, progress));
      }
      """);

  Angular() {
    super(PROGRAM);
  }
}
