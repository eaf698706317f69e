package dev.smelter.video.render.transition;

/**
 * {@code DirectionalScaled}: like {@code directional} (the frames slide by sign(direction), eased by
 * sin(πp/2)³, the incoming one wrapping in behind) but both are shrunk towards the centre by up to
 * 1/{@code scale} at the midpoint, with black around them.
 */
final class DirectionalScaled extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("DirectionalScaled", """
      half4 transition(float2 uv) {
        const float PI = 3.141592653589793;
        float eased = pow(sin(progress * PI / 2.0), 3.0);
        float2 p = uv + eased * sign(direction);
        float shrink = 1.0 - (1.0 - 1.0 / scale) * sin(progress * PI);
        float2 f = (fract(p) - 0.5) * shrink + 0.5;
        float onOutgoing = step(0.0, p.y) * step(p.y, 1.0) * step(0.0, p.x) * step(p.x, 1.0);
        half4 c = mix(getToColor(f), getFromColor(f), onOutgoing);
        float inside = step(0.0, f.x) * step(0.0, 1.0 - f.x) * step(0.0, f.y) * step(0.0, 1.0 - f.y);
        return c * inside;
      }
      """);

  DirectionalScaled() {
    super(PROGRAM);
  }
}
