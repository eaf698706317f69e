package dev.smelter.video.render.transition;

/**
 * {@code directional-easing}: like {@code directional} (both frames slide by sign(direction), the
 * incoming one wrapping in behind) with the circular ease-out √((2−p)·p).
 */
final class DirectionalEasing extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("directional-easing", """
      half4 transition(float2 uv) {
        float2 p = uv + sqrt((2.0 - progress) * progress) * sign(direction);
        float2 f = fract(p);
        float onOutgoing = step(0.0, p.y) * step(p.y, 1.0) * step(0.0, p.x) * step(p.x, 1.0);
        return mix(getToColor(f), getFromColor(f), onOutgoing);
      }
      """);

  DirectionalEasing() {
    super(PROGRAM);
  }
}
