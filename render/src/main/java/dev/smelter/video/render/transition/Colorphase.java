package dev.smelter.video.render.transition;

/**
 * {@code colorphase}: a cross-fade run per channel: R, G, B and A each switch over their own
 * smoothstep window from {@code fromStep} to {@code toStep}.
 */
final class Colorphase extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("colorphase", """
      half4 transition(float2 uv) {
        return mix(getFromColor(uv), getToColor(uv), half4(smoothstep(fromStep, toStep, float4(progress))));
      }
      """);

  Colorphase() {
    super(PROGRAM);
  }
}
