package dev.smelter.video.render.transition;

/**
 * {@code tangentMotionBlur}: the picture swings half a turn about the top-right corner (aspect-correct,
 * eased by the cubic Bézier (.68,.01,.17,.98)), switching frames halfway, with a 21-tap motion blur
 * along the swing that peaks at the midpoint.
 *
 * <p>Each pixel jitters its blur taps by a hash of its swung uv ({@code fract(sin(·)·43758)}), which
 * turns any last-bit difference into another random offset; so the swing is computed from the
 * reference's uv ({@link ReferenceUv}), sine and cosine ({@code referenceSin}) and {@code y·(1/ratio)}
 * as the original writes it (fidelity/transition-sweep.sh: worst frame 0.9329 → 0.9955).
 */
final class TangentMotionBlur extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParamsAndReferenceUv("tangentMotionBlur", """
      float pixelHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      half4 smeared(float2 st, float2 velocity, bool incoming) {
        float3 sum = float3(0.0);
        float total = 0.0;
        float jitter = pixelHash(st);
        for (int k = 0; k <= 20; k++) {
          float f = (float(k) + jitter) / 20.0;
          float w = 4.0 * (f - f * f);
          float2 q = fract(st + velocity * f);
          sum += float3((incoming ? getToColor(q) : getFromColor(q)).rgb) * w;
          total += w;
        }
        return half4(half3(sum / total), 1.0);
      }

      float bezier(float t, float a1, float a2) {
        return (((1.0 - 3.0 * a2 + 3.0 * a1) * t + (3.0 * a2 - 6.0 * a1)) * t + 3.0 * a1) * t;
      }

      float bezierSlope(float t, float a1, float a2) {
        return 3.0 * (1.0 - 3.0 * a2 + 3.0 * a1) * t * t + 2.0 * (3.0 * a2 - 6.0 * a1) * t + 3.0 * a1;
      }

      float eased(float x) {
        float t = x; // four Newton steps solve bezier(t) = x for the curve's x
        for (int i = 0; i < 4; i++) {
          float slope = bezierSlope(t, 0.68, 0.17);
          if (slope == 0.0) break;
          t -= (bezier(t, 0.68, 0.17) - x) / slope;
        }
        return bezier(t, 0.01, 0.98);
      }

      float2 swung(float2 uv, float angle) {
        float2 q = float2(uv.x, uv.y * (1.0 / ratio)) - float2(1.0, 0.0);
        float c = referenceCos(angle); float s = referenceSin(angle);
        q = float2(c * q.x + s * q.y, -s * q.x + c * q.y) + float2(1.0, 0.0);
        return float2(q.x, q.y * ratio);
      }

      half4 transition(float2 uv) {
        const float HALF_TURN = 3.14159;
        float e = eased(progress);
        float d = e - 0.5;
        float blur = exp(-20.0 * d * d);
        float step = 0.0167 * 2.0;
        float angle = e <= 0.5 ? HALF_TURN * e : -HALF_TURN + HALF_TURN * e;
        float angleNext = e <= 0.5 ? HALF_TURN * (e + step) : -HALF_TURN + HALF_TURN * (e + step);
        float2 now = swung(uv, angle);
        float2 velocity = (swung(uv, angleNext) - now) / step * blur * 0.5;
        return smeared(now, velocity, e > 0.5);
      }
      """);

  TangentMotionBlur() {
    super(PROGRAM);
  }
}
