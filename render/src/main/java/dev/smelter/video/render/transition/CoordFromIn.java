package dev.smelter.video.render.transition;

/**
 * {@code coord-from-in}: each frame is sampled at coordinates taken from the other frame's red/green
 * channels, morphing towards the plain coordinates as the cross-fade proceeds.
 */
final class CoordFromIn extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("coord-from-in", """
      half4 transition(float2 uv) {
        float2 toCoord = float2(getToColor(uv).rg);
        float2 fromCoord = float2(getFromColor(uv).rg);
        return mix(getFromColor(mix(uv, toCoord, progress)), getToColor(mix(fromCoord, uv, progress)), progress);
      }
      """);

  CoordFromIn() {
    super(PROGRAM);
  }
}
