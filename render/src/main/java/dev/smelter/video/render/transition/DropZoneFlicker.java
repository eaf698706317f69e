package dev.smelter.video.render.transition;

/**
 * {@code Drop_Zone_Flicker}: a stepped glitch cut. Progress is quantised to {@code frameRate} steps;
 * a fixed per-step script gives how far the incoming frame has been revealed and how strong the
 * glitch is. Within a step: both frames jitter, blocks of the picture reveal early or late
 * ({@code blockAmount}), RGB channels split ({@code rgbOffset}), a red/cyan ghost washes the sides
 * ({@code redCyan}), the old clip flickers back ({@code ghostAmount}), and scan lines
 * ({@code scanline}) and an exposure pulse are added.
 */
final class DropZoneFlicker extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Drop_Zone_Flicker", """
      float unit(float x) { return clamp(x, 0.0, 1.0); }

      float stepHash(float2 p) {
        p = fract(p * float2(443.8975, 397.2973));
        p += dot(p, p.yx + 19.19);
        return fract(p.x * p.y);
      }

      // stepHash of a point whose scaling by (443.8975, 397.2973) the caller did: the reference's
      // compiler folds f * 1.37 * 397.2973 into f * 544.2973 (one rounding instead of two), and the
      // fract of a product near 10^4 turns that last bit into another hash, another block mask
      // (fidelity/transition-sweep.sh: steps 3, 6, 14, 19 and 22 showed other blocks; worst frame
      // 0.7845 → 0.9989).
      float stepHashScaled(float2 scaled) {
        float2 p = fract(scaled);
        p += dot(p, p.yx + 19.19);
        return fract(p.x * p.y);
      }

      float2 inset(float2 uv) { return clamp(uv, float2(0.001), float2(0.999)); }

      // The scripted reveal per step (0 = old clip, 1 = new clip).
      float reveal(float f) {
        if (f < 0.5) return 0.00;
        if (f < 1.5) return 0.28;
        if (f < 2.5) return 0.43;
        if (f < 3.5) return 0.46;
        if (f < 4.5) return 0.38;
        if (f < 5.5) return 0.48;
        if (f < 6.5) return 0.26;
        if (f < 7.5) return 0.10;
        if (f < 9.5) return 0.00;
        if (f < 10.5) return 0.30;
        if (f < 11.5) return 0.58;
        if (f < 12.5) return 1.00;
        if (f < 13.5) return 0.70;
        if (f < 14.5) return 0.42;
        if (f < 15.5) return 0.55;
        if (f < 16.5) return 0.72;
        if (f < 17.5) return 0.88;
        if (f < 18.5) return 0.34;
        if (f < 19.5) return 0.48;
        if (f < 20.5) return 0.56;
        if (f < 21.5) return 0.76;
        if (f < 22.5) return 0.93;
        return 1.00;
      }

      // The scripted glitch strength per step.
      float glitchLevel(float f) {
        if (f < 0.5) return 0.00;
        if (f < 6.5) return 0.92;
        if (f < 10.5) return 0.38;
        if (f < 11.5) return 0.78;
        if (f < 12.5) return 0.12;
        if (f < 17.5) return 0.74;
        if (f < 22.5) return 0.88;
        if (f < 23.5) return 0.28;
        return 0.00;
      }

      half4 split(float2 uv, float amount, bool incoming) {
        float2 o = float2(incoming ? -amount : amount, 0.0);
        if (incoming) return half4(getToColor(inset(uv + o)).r, getToColor(inset(uv)).g, getToColor(inset(uv - o)).b, 1.0);
        return half4(getFromColor(inset(uv + o)).r, getFromColor(inset(uv)).g, getFromColor(inset(uv - o)).b, 1.0);
      }

      float blocks(float2 uv, float f) {
        float wide = step(0.48, stepHashScaled(float2(floor(uv.x * 4.0) * 443.8975, f * 544.2973022460938)));
        float chunks = step(0.56, stepHash(floor(uv * float2(8.0, 4.0)) + float2(f * 2.11, f * 0.73)));
        float cut = smoothstep(-0.035, 0.035, uv.x - mix(0.18, 0.78, stepHash(float2(f, 4.7))));
        return unit(mix(wide, chunks, 0.38) * 0.72 + cut * 0.28);
      }

      half4 transition(float2 uv) {
        if (progress <= 0.0) return getFromColor(uv);
        if (progress >= 1.0) return getToColor(uv);
        float f = floor(progress * frameRate);
        float shown = reveal(f);
        float g = glitchLevel(f);
        float2 jitter = float2((stepHash(float2(f, 9.13)) - 0.5) * 0.042, (stepHash(float2(f, 2.71)) - 0.5) * 0.010) * g;
        float2 fromUv = inset(uv + jitter);
        float2 toUv = inset(uv - jitter * 0.55);
        float local = unit(shown + (blocks(uv, f) - 0.5) * blockAmount * g + (stepHash(float2(f, floor(uv.y * 9.0))) - 0.5) * 0.18 * g);
        local = smoothstep(0.22, 0.78, local);
        half4 oldClip = split(fromUv, rgbOffset * g, false);
        half4 newClip = split(toUv, rgbOffset * g, true);
        float3 c = float3(mix(oldClip, newClip, local).rgb);
        float leftWash = (1.0 - smoothstep(0.10, 0.78, uv.x)) * g;
        float cyanWash = smoothstep(0.08, 0.62, uv.x) * (1.0 - smoothstep(0.86, 1.0, uv.x)) * g;
        c = mix(c, float3(oldClip.rgb) * float3(1.34, 0.42, 0.38), leftWash * redCyan * 0.42);
        c = mix(c, float3(newClip.rgb) * float3(0.48, 1.12, 1.24), cyanWash * redCyan * 0.30);
        float back = g * (1.0 - smoothstep(0.94, 1.0, shown)) * (0.18 + 0.52 * (1.0 - abs(local - 0.5) * 2.0));
        c = mix(c, float3(oldClip.rgb), back * ghostAmount);
        c += sin((uv.y + f * 0.017) * 1080.0) * scanline * g;
        c += (stepHash(float2(f, 12.4)) - 0.35) * 0.10 * g;
        return half4(half3(clamp(c, 0.0, 1.0)), 1.0);
      }
      """);

  DropZoneFlicker() {
    super(PROGRAM);
  }
}
