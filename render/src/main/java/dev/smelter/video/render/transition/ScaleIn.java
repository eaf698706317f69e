package dev.smelter.video.render.transition;

/**
 * {@code scale-in}: the incoming frame grows from its centre (sampled at 0.5 + (uv−0.5)·p, i.e.
 * magnified 1/p) while fading in.
 */
final class ScaleIn extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("scale-in", """
      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(0.5 + (uv - 0.5) * progress), progress);
      }
      """);

  ScaleIn() {
    super(PROGRAM);
  }
}
