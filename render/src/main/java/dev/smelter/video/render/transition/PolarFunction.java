package dev.smelter.video.render.transition;

/**
 * {@code polar_function}: the incoming frame appears inside a flower-shaped polar curve around the
 * centre, r = (cos(segments·θ) + 4)/4 · progress.
 */
final class PolarFunction extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("polar_function", """
      half4 transition(float2 uv) {
        float angle = atan(uv.y - 0.5, uv.x - 0.5) - 0.5 * 3.14159265359;
        float radius = (cos(floor(segments) * angle) + 4.0) / 4.0;
        return length(uv - 0.5) > radius * progress ? getFromColor(uv) : getToColor(uv);
      }
      """);

  PolarFunction() {
    super(PROGRAM);
  }
}
