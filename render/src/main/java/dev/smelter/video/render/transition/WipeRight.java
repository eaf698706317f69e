package dev.smelter.video.render.transition;

/**
 * {@code wipeRight}: a hard wipe revealing the incoming frame from the left edge rightwards.
 */
final class WipeRight extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("wipeRight", """
      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(uv), step(uv.x, progress));
      }
      """);

  WipeRight() {
    super(PROGRAM);
  }
}
