package dev.smelter.video.render.transition;

/**
 * {@code wipeUp}: a hard wipe where row y switches once y ≤ progress; with Editly's orientation
 * (uv.y = 0 at the top) the incoming frame is revealed from the top edge downwards.
 */
final class WipeUp extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("wipeUp", """
      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(uv), step(uv.y, progress));
      }
      """);

  WipeUp() {
    super(PROGRAM);
  }
}
