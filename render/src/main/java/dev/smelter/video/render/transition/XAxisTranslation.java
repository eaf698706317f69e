package dev.smelter.video.render.transition;

/**
 * {@code x_axis_translation}: the outgoing frame slides right by progress; the strip it uncovers on
 * the left shows a cross-fade of both frames.
 */
final class XAxisTranslation extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("x_axis_translation", """
      half4 transition(float2 uv) {
        if (uv.x >= progress) return getFromColor(float2(uv.x - progress, uv.y));
        return mix(getFromColor(uv), getToColor(uv), progress);
      }
      """);

  XAxisTranslation() {
    super(PROGRAM);
  }
}
