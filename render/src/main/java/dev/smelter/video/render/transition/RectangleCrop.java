package dev.smelter.video.render.transition;

/**
 * {@code RectangleCrop}: the picture is cropped to a centred rectangle that shrinks to nothing at the
 * midpoint (outside: {@code bgcolor}) and grows back showing the incoming frame.
 */
final class RectangleCrop extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("RectangleCrop", """
      half4 transition(float2 uv) {
        float s = pow(2.0 * abs(progress - 0.5), 3.0);
        float edge = 1.0 - 2.0 * abs(progress - 0.5);
        float2 lo = step(float2(edge), uv + 0.25);
        float2 hi = step(float2(edge), 1.25 - uv);
        float outside = abs(1.0 - lo.x * lo.y * hi.x * hi.y);
        half4 shown = progress < 0.5 ? getFromColor(uv) : getToColor(uv);
        return mix(shown, half4(bgcolor), step(s, outside));
      }
      """);

  RectangleCrop() {
    super(PROGRAM);
  }
}
