package dev.smelter.video.render.transition;

/**
 * {@code fadecolor}: a dissolve through {@code color}: the outgoing frame fades to the colour over
 * progress 0 → 1−{@code colorPhase}, the incoming frame out of it over colorPhase → 1, mixed by
 * progress.
 */
final class Fadecolor extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("fadecolor", """
      half4 transition(float2 uv) {
        half4 c = half4(half3(color), 1.0);
        half4 a = mix(c, getFromColor(uv), smoothstep(1.0 - colorPhase, 0.0, progress));
        half4 b = mix(c, getToColor(uv), smoothstep(colorPhase, 1.0, progress));
        return mix(a, b, progress);
      }
      """);

  Fadecolor() {
    super(PROGRAM);
  }
}
