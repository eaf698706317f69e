package dev.smelter.video.render.transition;

/**
 * {@code wipeDown}: a hard wipe where row y switches once 1 − y ≤ progress; with Editly's orientation
 * (uv.y = 0 at the top) the incoming frame is revealed from the bottom edge upwards.
 */
final class WipeDown extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("wipeDown", """
      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(uv), step(1.0 - uv.y, progress));
      }
      """);

  WipeDown() {
    super(PROGRAM);
  }
}
