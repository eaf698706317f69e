package dev.smelter.video.render.transition;

/**
 * {@code BlockDissolve}: the frame is cut into square blocks of side {@code blocksize} (in uv);
 * each block switches from the outgoing to the incoming frame once progress passes its pseudo-random
 * threshold (the usual sine hash of the block index).
 */
final class BlockDissolve extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("BlockDissolve", """
      float blockThreshold(float2 cell) { return fract(referenceSin(dot(cell, float2(12.9898, 78.233))) * 43758.5453); }

      half4 transition(float2 uv) {
        float switched = step(blockThreshold(floor(uv / blocksize)), progress);
        return mix(getFromColor(uv), getToColor(uv), switched);
      }
      """);

  BlockDissolve() {
    super(PROGRAM);
  }
}
