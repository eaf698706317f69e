package dev.smelter.video.render.transition;

/**
 * {@code displacement}: a cross-fade in which both frames shift horizontally by a displacement map
 * times {@code strength}. Editly binds no map, so the sampler reads texture unit 0, which holds the
 * outgoing frame: its red channel is the map.
 */
final class Displacement extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("displacement", """
      half4 transition(float2 uv) {
        float shift = getFromColor(uv).r * strength;
        return mix(getFromColor(float2(uv.x + progress * shift, uv.y)), getToColor(float2(uv.x - (1.0 - progress) * shift, uv.y)), progress);
      }
      """);

  Displacement() {
    super(PROGRAM);
  }
}
