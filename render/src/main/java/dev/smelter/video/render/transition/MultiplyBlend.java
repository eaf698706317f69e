package dev.smelter.video.render.transition;

/**
 * {@code multiply_blend}: the outgoing frame fades into the product of both frames by the midpoint,
 * which then fades into the incoming frame.
 */
final class MultiplyBlend extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("multiply_blend", """
      half4 transition(float2 uv) {
        half4 a = getFromColor(uv);
        half4 b = getToColor(uv);
        half4 product = a * b;
        return progress < 0.5 ? mix(a, product, 2.0 * progress) : mix(product, b, 2.0 * progress - 1.0);
      }
      """);

  MultiplyBlend() {
    super(PROGRAM);
  }
}
