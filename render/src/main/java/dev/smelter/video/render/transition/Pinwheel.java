package dev.smelter.video.render.transition;

/**
 * {@code pinwheel}: eight blades around the centre turn at {@code speed}; a pixel shows the incoming
 * frame where progress exceeds its angle within the blade.
 */
final class Pinwheel extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("pinwheel", """
      half4 transition(float2 uv) {
        float angle = atan(uv.y - 0.5, uv.x - 0.5) + progress * speed;
        float within = mod(angle, 3.1415 / 4.0);
        return mix(getToColor(uv), getFromColor(uv), step(sign(progress - within), 0.5));
      }
      """);

  Pinwheel() {
    super(PROGRAM);
  }
}
