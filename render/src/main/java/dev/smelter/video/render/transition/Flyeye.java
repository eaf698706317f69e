package dev.smelter.video.render.transition;

/**
 * {@code flyeye}: a cross-fade through a fly's-eye lattice: both frames are displaced by
 * {@code size}·(cos(zoom·x), sin(zoom·y)) in proportion to their share, the outgoing one with an RGB
 * split of {@code colorSeparation}.
 */
final class Flyeye extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("flyeye", """
      half4 transition(float2 p) {
        float inv = 1.0 - progress;
        float2 shift = size * float2(cos(zoom * p.x), sin(zoom * p.y));
        half4 b = getToColor(p + inv * shift);
        half4 a = half4(getFromColor(p + progress * shift * (1.0 - colorSeparation)).r,
                        getFromColor(p + progress * shift).g,
                        getFromColor(p + progress * shift * (1.0 + colorSeparation)).b, 1.0);
        return b * progress + a * inv;
      }
      """);

  Flyeye() {
    super(PROGRAM);
  }
}
