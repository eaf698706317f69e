package dev.smelter.video.render.transition;

/**
 * {@code ButterflyWaveScrawler}: a cross-fade in which both frames are displaced along the diagonal by
 * a butterfly-curve function of the angle (waves = {@code waves}, scaled by sin(p·amplitude)), the
 * outgoing one with an RGB split of {@code colorSeparation}.
 */
final class ButterflyWaveScrawler extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("ButterflyWaveScrawler", """
      float butterfly(float2 p) {
        const float PI = 3.14159265358979323846264;
        float2 o = p * sin(progress * amplitude) - 0.5;
        float theta = acos(o.x) * waves;
        float s = sin((2.0 * theta - PI) / 24.0);
        float s2 = s * s;
        return (exp(cos(theta)) - 2.0 * cos(4.0 * theta) + s2 * s2 * s) / 10.0;
      }

      half4 transition(float2 p) {
        if (progress <= 0.0) return getFromColor(p);
        if (progress >= 1.0) return getToColor(p);
        float inv = 1.0 - progress;
        float shift = butterfly(p);
        half4 b = getToColor(p + inv * shift);
        half4 a = half4(getFromColor(p + progress * shift * (1.0 - colorSeparation)).r,
                        getFromColor(p + progress * shift).g,
                        getFromColor(p + progress * shift * (1.0 + colorSeparation)).b, 1.0);
        return b * progress + a * inv;
      }
      """);

  ButterflyWaveScrawler() {
    super(PROGRAM);
  }
}
