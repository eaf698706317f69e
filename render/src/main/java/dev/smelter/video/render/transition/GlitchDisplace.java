package dev.smelter.video.render.transition;

/**
 * {@code GlitchDisplace}: each frame is sampled through a displacement derived from the other's
 * colour (strength eased out for the outgoing side, in for the incoming one); the outgoing side turns
 * into a doubled grey of the displaced minimum, and an exponential in-out ease cross-fades them.
 */
final class GlitchDisplace extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("GlitchDisplace", """
      float2 displaced(half4 tex, float2 uv, float dotDepth, float textureDepth, float strength) {
        float2 t = float2(tex.xy);
        float2 d = t * dotDepth + 1.0 - t * textureDepth;
        return uv + (d - 1.0 + textureDepth * dotDepth) * strength;
      }

      float easeInOutExpo(float t) {
        if (t == 0.0 || t == 1.0) return t;
        return t < 0.5 ? 0.5 * pow(2.0, 20.0 * t - 10.0) : -0.5 * pow(2.0, 10.0 - t * 20.0) + 1.0;
      }

      float easeOutExpo(float t) { return t == 1.0 ? t : 1.0 - pow(2.0, -10.0 * t); }

      half4 transition(float2 uv) {
        half4 a = getFromColor(uv);
        half4 b = getToColor(uv);
        half4 bDisplaced = getToColor(displaced(a, uv, 0.33, 0.7, 1.0 - easeInOutExpo(progress)));
        half4 aDisplaced = getFromColor(displaced(b, uv, 0.33, 0.5, easeOutExpo(progress)));
        float grey = dot(float3(min(aDisplaced, bDisplaced).rgb), float3(0.299, 0.587, 0.114));
        half4 greyed = half4(half3(grey), 1.0) * 2.0;
        a = mix(a, greyed, smoothstep(0.0, 0.5, progress));
        b = mix(b, bDisplaced, smoothstep(1.0, 0.5, progress));
        return mix(a, b, easeInOutExpo(progress));
      }
      """);

  GlitchDisplace() {
    super(PROGRAM);
  }
}
