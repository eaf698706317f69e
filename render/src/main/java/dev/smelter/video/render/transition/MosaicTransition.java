package dev.smelter.video.render.transition;

/**
 * {@code mosaic_transition}: both frames are pixelated into squares up to 1/{@code mosaicNum} of the
 * frame wide at the midpoint (sampled at square centres), mixed by progress².
 */
final class MosaicTransition extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("mosaic_transition", """
      half4 transition(float2 uv) {
        float m = min(progress, 1.0 - progress);
        float2 q = uv;
        if (m != 0.0) {
          float w = 2.0 / mosaicNum * m;
          q = (floor(uv / w) + 0.5) * w;
        }
        return mix(getFromColor(q), getToColor(q), progress * progress);
      }
      """);

  MosaicTransition() {
    super(PROGRAM);
  }
}
