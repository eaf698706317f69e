package dev.smelter.video.render.transition;

/**
 * {@code Dreamy}: a cross-fade where each frame wobbles vertically by a small column-dependent cosine
 * whose amplitude is 3 % times its own share of the transition.
 */
final class Dreamy extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Dreamy", """
      float wobble(float t, float x) { return 0.03 * t * cos(10.0 * (t + x)); }

      half4 transition(float2 p) {
        half4 a = getFromColor(p + float2(0.0, wobble(progress, p.x)));
        half4 b = getToColor(p + float2(0.0, wobble(1.0 - progress, p.x)));
        return mix(a, b, progress);
      }
      """);

  Dreamy() {
    super(PROGRAM);
  }
}
