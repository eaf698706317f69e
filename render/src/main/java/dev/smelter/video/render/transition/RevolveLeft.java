package dev.smelter.video.render.transition;

/**
 * {@code Revolve_Left}: the picture revolves about {@code center} (edge spin up to
 * {@code maxRotation} plus a {@code swirl} that is strongest at the core, in the {@code direction}
 * sense), zooming in to {@code peakZoom} with {@code barrel} distortion, under a smooth envelope that
 * peaks around progress 0.43; the frames switch over {@code switchStart}–{@code switchEnd}. A 17-tap
 * temporal blur ({@code motionBlur}) and a vignette ({@code shadow}) follow the envelope.
 */
final class RevolveLeft extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Revolve_Left", """
      float unit(float x) { return clamp(x, 0.0, 1.0); }

      float smooth01(float x) { x = unit(x); return x * x * (3.0 - 2.0 * x); }

      float envelope(float t) { return smooth01((t - 0.10) / 0.33) * (1.0 - smooth01((t - 0.43) / 0.29)); }

      float2 turn(float2 p, float a) { float s = sin(a); float c = cos(a); return float2(c * p.x - s * p.y, s * p.x + c * p.y); }

      float2 warp(float2 uv, float t) {
        float e = envelope(t);
        float2 p = uv - center;
        p.x *= ratio;
        float r = length(p);
        float spin = maxRotation * e + swirl * e * pow(1.0 - unit(r / 0.96), 1.55);
        p = turn(p, -direction * spin);
        p /= 1.0 + (peakZoom - 1.0) * pow(e, 0.85);
        float rr = length(p);
        p *= 1.0 + barrel * e * rr * rr * 2.8;
        p.x /= ratio;
        return clamp(p + center, float2(0.001), float2(0.999));
      }

      half4 transition(float2 uv) {
        if (progress <= 0.0) return getFromColor(uv);
        if (progress >= 1.0) return getToColor(uv);
        float e = envelope(progress);
        float span = 0.060 * motionBlur * e;
        half4 sum = half4(0.0);
        float total = 0.0;
        for (int i = -8; i <= 8; i++) {
          float x = float(i) / 8.0;
          float w = (1.0 - abs(x)) * (1.0 - abs(x)) + 0.01;
          float t = unit(progress + x * span);
          float2 q = warp(uv, t);
          sum += mix(getFromColor(q), getToColor(q), smoothstep(switchStart, switchEnd, t)) * w;
          total += w;
        }
        sum /= total;
        float2 v = uv - 0.5;
        v.x *= ratio;
        sum.rgb *= 1.0 - shadow * e * smoothstep(0.35, 0.95, length(v));
        return sum;
      }
      """);

  RevolveLeft() {
    super(PROGRAM);
  }
}
