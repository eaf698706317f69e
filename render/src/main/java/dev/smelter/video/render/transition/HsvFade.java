package dev.smelter.video.render.transition;

/**
 * {@code HSVfade}: each pixel's colour is interpolated in HSV space (hue, saturation and value mixed
 * linearly, hue without wrap-around) from the outgoing to the incoming frame.
 */
final class HsvFade extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("HSVfade", """
      float3 toHsv(float3 c) {
        float4 k = float4(0.0, -1.0 / 3.0, 2.0 / 3.0, -1.0);
        float4 p = mix(float4(c.bg, k.wz), float4(c.gb, k.xy), step(c.b, c.g));
        float4 q = mix(float4(p.xyw, c.r), float4(c.r, p.yzx), step(p.x, c.r));
        float chroma = q.x - min(q.w, q.y);
        return float3(abs(q.z + (q.w - q.y) / (6.0 * chroma + 0.001)), chroma / (q.x + 0.001), q.x);
      }

      float3 toRgb(float3 hsv) {
        float3 p = abs(fract(hsv.xxx + float3(1.0, 2.0 / 3.0, 1.0 / 3.0)) * 6.0 - 3.0);
        return hsv.z * mix(float3(1.0), clamp(p - 1.0, 0.0, 1.0), hsv.y);
      }

      half4 transition(float2 uv) {
        float3 a = toHsv(float3(getFromColor(uv).rgb));
        float3 b = toHsv(float3(getToColor(uv).rgb));
        return half4(half3(toRgb(mix(a, b, progress))), 1.0);
      }
      """);

  HsvFade() {
    super(PROGRAM);
  }
}
