package dev.smelter.video.render.transition;

/**
 * {@code windowblinds}: a cross-fade in which alternate horizontal bands (their count rising to 100
 * with progress) run 1.5× ahead, converging over the last 20 %.
 */
final class Windowblinds extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("windowblinds", """
      half4 transition(float2 uv) {
        float t = progress;
        if (mod(floor(uv.y * 100.0 * progress), 2.0) == 0.0) t *= 1.5;
        return mix(getFromColor(uv), getToColor(uv), mix(t, progress, smoothstep(0.8, 1.0, progress)));
      }
      """);

  Windowblinds() {
    super(PROGRAM);
  }
}
