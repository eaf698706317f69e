package dev.smelter.video.render.transition;

/**
 * {@code CrazyParametricFun}: the outgoing frame is displaced radially by a sine of the distance from
 * the centre whose frequency follows a hypotrochoid (params {@code a}, {@code b}, scaled by
 * {@code amplitude}/{@code smoothness}); the incoming frame fades in with smoothstep(0.2, 1, p).
 */
final class CrazyParametricFun extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("CrazyParametricFun", """
      half4 transition(float2 uv) {
        float2 dir = uv - 0.5;
        float dist = length(dir);
        float k = a / b - 1.0;
        float cx = (a - b) * cos(progress) + b * cos(progress * k);
        float cy = (a - b) * sin(progress) - b * sin(progress * k);
        float2 shift = dir * float2(sin(progress * dist * amplitude * cx), sin(progress * dist * amplitude * cy)) / smoothness;
        return mix(getFromColor(uv + shift), getToColor(uv), smoothstep(0.2, 1.0, progress));
      }
      """);

  CrazyParametricFun() {
    super(PROGRAM);
  }
}
