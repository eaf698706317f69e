package dev.smelter.video.render.transition;

/**
 * {@code AdvancedMosaic}: both frames are pixelated into square cells about the centre whose size grows
 * from one unit (0.005 of the frame) to {@code pixelSize} units at the midpoint and back, while they
 * cross-fade linearly. Each cell takes the colour at its lower-right-ish corner (rounded up).
 */
final class AdvancedMosaic extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("AdvancedMosaic", """
      half4 transition(float2 uv) {
        float cells = progress < 0.5 ? mix(1.0, pixelSize, progress * 2.0) : mix(pixelSize, 1.0, progress * 2.0 - 1.0);
        float cell = cells * 0.005;
        float2 snapped = clamp(cell * ceil((uv - 0.5) / cell - 0.5) + 0.5, 0.0, 1.0);
        return mix(getFromColor(snapped), getToColor(snapped), progress);
      }
      """);

  AdvancedMosaic() {
    super(PROGRAM);
  }
}
