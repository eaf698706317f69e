package dev.smelter.video.render.transition;

/**
 * {@code luminance_melt}: the outgoing frame melts away from a corner (uv (1, 0), the top right, or (1, 1)
 * with {@code direction})
 * along simplex-noise drips; only pixels darker (or, with {@code above}, brighter) than
 * {@code l_threshold} melt, the rest fade as progress³.
 */
final class LuminanceMelt extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("luminance_melt", """
      float dripHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      float3 wrap289(float3 x) { return x - floor(x * (1.0 / 289.0)) * 289.0; }

      float2 wrap289(float2 x) { return x - floor(x * (1.0 / 289.0)) * 289.0; }

      float3 scramble(float3 x) { return wrap289((x * 34.0 + 1.0) * x); }

      // 2-D simplex noise (the standard skewed-grid construction with a 289-periodic permutation).
      float simplex(float2 v) {
        const float4 C = float4(0.211324865405187, 0.366025403784439, -0.577350269189626, 0.024390243902439);
        float2 i = floor(v + dot(v, C.yy));
        float2 x0 = v - i + dot(i, C.xx);
        float2 i1 = x0.x > x0.y ? float2(1.0, 0.0) : float2(0.0, 1.0);
        float4 x12 = x0.xyxy + C.xxzz;
        x12.xy -= i1;
        i = wrap289(i);
        float3 p = scramble(scramble(i.y + float3(0.0, i1.y, 1.0)) + i.x + float3(0.0, i1.x, 1.0));
        float3 m = max(0.5 - float3(dot(x0, x0), dot(x12.xy, x12.xy), dot(x12.zw, x12.zw)), 0.0);
        m = m * m;
        m = m * m;
        float3 x = 2.0 * fract(p * C.www) - 1.0;
        float3 h = abs(x) - 0.5;
        float3 a0 = x - floor(x + 0.5);
        m *= 1.79284291400159 - 0.85373472095314 * (a0 * a0 + h * h);
        float3 g = float3(a0.x * x0.x + h.x * x0.y, a0.yz * x12.xz + h.yz * x12.yw);
        return 130.0 * dot(m, g);
      }

      half4 transition(float2 p) {
        if (progress == 0.0) return getFromColor(p);
        if (progress == 1.0) return getToColor(p);
        half4 a = getFromColor(p);
        float dist = distance(float2(1.0, direction > 0.5 ? 1.0 : 0.0), p) - progress * exp(simplex(float2(p.x, 0.0)));
        float r = progress - dripHash(float2(p.x, 0.1));
        float luma = a.r * 0.299 + a.g * 0.587 + a.b * 0.114;
        bool selected = above > 0.5 ? luma > l_threshold : luma < l_threshold;
        float m = dist <= r && selected ? 1.0 : progress * progress * progress;
        return mix(a, getToColor(p), m);
      }
      """);

  LuminanceMelt() {
    super(PROGRAM);
  }
}
