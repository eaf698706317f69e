package dev.smelter.video.render.transition;

/**
 * {@code ColourDistance}: pixels whose from/to colours (RGBA) are closer than {@code progress} switch
 * first; everything converges on the incoming frame with weight progress^{@code power}.
 */
final class ColourDistance extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("ColourDistance", """
      half4 transition(float2 p) {
        half4 a = getFromColor(p);
        half4 b = getToColor(p);
        float switched = step(distance(float4(a), float4(b)), progress);
        return mix(mix(a, b, switched), b, pow(progress, power));
      }
      """);

  ColourDistance() {
    super(PROGRAM);
  }
}
