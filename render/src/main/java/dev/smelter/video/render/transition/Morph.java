package dev.smelter.video.render.transition;

/**
 * {@code morph}: both frames are pushed along an offset derived from the average of their colours
 * ((rg + b)/2 mapped to [−1,1], times {@code strength}), in proportion to the progress, while they
 * cross-fade.
 */
final class Morph extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("morph", """
      half4 transition(float2 p) {
        half4 a = getFromColor(p);
        half4 b = getToColor(p);
        float2 oa = float2((a.rg + a.b) * 0.5) * 2.0 - 1.0;
        float2 ob = float2((b.rg + b.b) * 0.5) * 2.0 - 1.0;
        float2 o = mix(oa, ob, 0.5) * strength;
        return mix(getFromColor(p + o * progress), getToColor(p - o * (1.0 - progress)), progress);
      }
      """);

  Morph() {
    super(PROGRAM);
  }
}
