package dev.smelter.video.render.transition;

/**
 * {@code WaterDrop}: a cross-fade in which, inside a circle of radius progress around the centre, the
 * outgoing frame ripples radially (offset = direction·sin(dist·amplitude − progress·speed)).
 */
final class WaterDrop extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("WaterDrop", """
      half4 transition(float2 p) {
        float2 dir = p - 0.5;
        float dist = length(dir);
        float2 shift = dist > progress ? float2(0.0) : dir * sin(dist * amplitude - progress * speed);
        return mix(getFromColor(p + shift), getToColor(p), progress);
      }
      """);

  WaterDrop() {
    super(PROGRAM);
  }
}
