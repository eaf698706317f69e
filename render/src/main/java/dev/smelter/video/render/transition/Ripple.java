package dev.smelter.video.render.transition;

/**
 * {@code ripple}: the outgoing frame ripples outwards from the centre (offset = direction·(sin(p·dist·
 * amplitude − p·speed) + 0.5)/30·p) while the incoming frame fades in with smoothstep(0.2, 1, p).
 */
final class Ripple extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("ripple", """
      half4 transition(float2 uv) {
        float2 dir = uv - 0.5;
        float dist = length(dir);
        float2 shift = dir * (sin(progress * dist * amplitude - progress * speed) + 0.5) / 30.0 * progress;
        return mix(getFromColor(uv + shift), getToColor(uv), smoothstep(0.2, 1.0, progress));
      }
      """);

  Ripple() {
    super(PROGRAM);
  }
}
