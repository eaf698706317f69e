package dev.smelter.video.render.transition;

/**
 * {@code directionalwipe}: a straight soft-edged wipe along {@code direction} (normalised to unit
 * L1 length so the edge crosses the frame exactly once), edge width {@code smoothness}.
 */
final class Directionalwipe extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("directionalwipe", """
      half4 transition(float2 uv) {
        float2 v = normalize(direction);
        v /= abs(v.x) + abs(v.y);
        float d = v.x * 0.5 + v.y * 0.5;
        float m = (1.0 - step(progress, 0.0)) * (1.0 - smoothstep(-smoothness, 0.0, dot(v, uv) - (d - 0.5 + progress * (1.0 + smoothness))));
        return mix(getFromColor(uv), getToColor(uv), m);
      }
      """);

  Directionalwipe() {
    super(PROGRAM);
  }
}
