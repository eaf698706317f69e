package dev.smelter.video.render.transition;

/**
 * {@code static_wipe}: a hard wipe (from the bottom when {@code u_transitionUpToDown}, since uv.y = 0
 * is the top) whose edge is covered by a band of grey static up to {@code u_max_static_span} wide,
 * widest at the midpoint.
 */
final class StaticWipe extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("static_wipe", """
      // rnd(uv * s) as the reference's compiler rewrites it: dot(uv, (10, 70)) * s.
      float staticNoise(float2 uv, float s) { return fract(referenceSin(dot(uv, float2(10.0, 70.0)) * s) * 12345.5453123); }

      half4 transition(float2 uv) {
        float span = u_max_static_span * pow(sin(3.14159265359 * progress), 0.5);
        float edge = u_transitionUpToDown > 0.5 ? 1.0 - uv.y : uv.y;
        half4 c = mix(getFromColor(uv), getToColor(uv), 1.0 - step(progress, edge));
        float band = smoothstep(progress - span, progress, edge) * (1.0 - smoothstep(progress, progress + span, edge));
        return mix(c, half4(half3(staticNoise(uv, 1.0 + progress)), 1.0), band);
      }
      """);

  StaticWipe() {
    super(PROGRAM);
  }
}
