package dev.smelter.video.render.transition;

/**
 * {@code DefocusBlur}: both frames are blurred with a 13-tap disc (radius rising to {@code blurSize} at
 * the midpoint and back to 0) while they cross-fade linearly.
 */
final class DefocusBlur extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("DefocusBlur", """
      half4 blurred(float2 uv, float r, bool incoming) {
        const int TAPS = 12;
        float2 taps[12];
        taps[0] = float2(-0.326, -0.406); taps[1] = float2(-0.840, -0.074); taps[2] = float2(-0.696, 0.457);
        taps[3] = float2(-0.203, 0.621); taps[4] = float2(0.962, -0.195); taps[5] = float2(0.473, -0.480);
        taps[6] = float2(0.519, 0.767); taps[7] = float2(0.185, -0.893); taps[8] = float2(0.507, 0.064);
        taps[9] = float2(0.896, 0.412); taps[10] = float2(-0.322, -0.933); taps[11] = float2(-0.792, -0.598);
        half4 sum = incoming ? getToColor(uv) : getFromColor(uv);
        for (int i = 0; i < TAPS; i++) {
          float2 q = uv + taps[i] * r;
          sum += incoming ? getToColor(q) : getFromColor(q);
        }
        return sum / 13.0;
      }

      half4 transition(float2 uv) {
        float r = progress < 0.5 ? mix(0.0, blurSize, progress * 2.0) : mix(blurSize, 0.0, progress * 2.0 - 1.0);
        return mix(blurred(uv, r, false), blurred(uv, r, true), progress);
      }
      """);

  DefocusBlur() {
    super(PROGRAM);
  }
}
