package dev.smelter.video.render.transition;

/**
 * {@code old_tv_lost_signal}: a cross-fade with TV interference peaking at the midpoint: random
 * lines (of 120) jump sideways by a sine drift, and fine scan lines darken/brighten the picture.
 */
final class OldTvLostSignal extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("old_tv_lost_signal", """
      float lineHash(float2 p) { return fract(referenceSin(dot(p, float2(127.1, 311.7))) * 43758.5453); }

      half4 transition(float2 uv) {
        float strength = sin(progress * 3.14159265);
        half4 c = mix(getFromColor(uv), getToColor(uv), progress);
        float jumped = step(0.92, lineHash(float2(floor(uv.y * 120.0), progress * 20.0)));
        float2 drifted = uv + float2(sin(uv.y * 30.0 + progress * 10.0) * 0.02 * strength, 0.0);
        half4 shifted = mix(getFromColor(drifted), getToColor(drifted), progress);
        c = mix(c, shifted, jumped * strength);
        c.rgb -= half3(sin(uv.y * 900.0) * 0.03 * strength);
        return c;
      }
      """);

  OldTvLostSignal() {
    super(PROGRAM);
  }
}
