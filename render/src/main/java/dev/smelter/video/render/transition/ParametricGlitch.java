package dev.smelter.video.render.transition;

/**
 * {@code parametric_glitch}: the outgoing frame is sampled towards a spiral-folded copy of the
 * coordinates (driven by its own colour, scaled by {@code ampx}/{@code ampy}) in proportion to the
 * progress, while it fades to the incoming frame.
 */
final class ParametricGlitch extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("parametric_glitch", """
      half4 transition(float2 uv) {
        half4 a = getFromColor(uv);
        float sphere = a.r * a.r + a.g * a.g + a.b * a.b - 1.0;
        float sx = cos(sphere - uv.x / (progress + 0.01));
        float sy = sin(sphere - uv.y / (progress + 0.01));
        float2 folded = float2(fract(ampx * uv.x * sx), fract(ampy * uv.y * sy));
        return mix(getFromColor(uv + progress * (uv - folded)), getToColor(uv), progress);
      }
      """);

  ParametricGlitch() {
    super(PROGRAM);
  }
}
