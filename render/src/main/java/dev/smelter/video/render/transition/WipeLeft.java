package dev.smelter.video.render.transition;

/**
 * {@code wipeLeft}: a hard wipe revealing the incoming frame from the right edge leftwards.
 */
final class WipeLeft extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("wipeLeft", """
      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(uv), step(1.0 - uv.x, progress));
      }
      """);

  WipeLeft() {
    super(PROGRAM);
  }
}
