package dev.smelter.video.render.transition;

/**
 * {@code luma}: a luma-matte wipe: a pixel switches once progress exceeds the matte's red value. Editly
 * binds no matte, so the sampler reads texture unit 0 (the outgoing frame): dark parts of the
 * outgoing frame switch first.
 */
final class Luma extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("luma", """
      half4 transition(float2 uv) {
        half4 a = getFromColor(uv);
        return mix(getToColor(uv), a, step(progress, a.r));
      }
      """);

  Luma() {
    super(PROGRAM);
  }
}
