package dev.smelter.video.render.transition;

/**
 * {@code StripDatamoshGlitch}: a datamosh cut under a burst envelope sin(πp)^0.42·{@code strength},
 * re-randomised 30 times over the transition: random horizontal bands ({@code horizontalBars}) and
 * vertical slits ({@code verticalSlits}) tear sideways ({@code tear}), reveal the incoming frame
 * early or late and smear with {@code residue}; chroma split ({@code chroma}), hair lines, scan lines
 * ({@code scanAmount}), noise ({@code noiseAmount}), desaturation and a strobe ({@code flashAmount})
 * are layered on top.
 */
final class StripDatamoshGlitch extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("StripDatamoshGlitch", """
      float unit(float v) { return clamp(v, 0.0, 1.0); }

      float hash1(float n) { return fract(referenceSin(n) * 43758.5453123); }

      float hash2(float2 p) { return fract(referenceSin(dot(p, float2(127.1, 311.7))) * 43758.5453123); }

      float2 inside(float2 uv) { return clamp(uv, float2(0.0), float2(1.0)); }

      float rowStripe(float2 uv, float density, float seed, float minW, float maxW) {
        float y = uv.y * density + seed * 0.137;
        float id = floor(y);
        float w = mix(minW, maxW, hash2(float2(id + 9.17, seed + 2.31)));
        return 1.0 - smoothstep(w, w + 0.018, abs(fract(y) - hash2(float2(id, seed))));
      }

      float columnStripe(float2 uv, float density, float seed, float minW, float maxW) {
        float x = uv.x * density + seed * 0.091;
        float id = floor(x);
        float w = mix(minW, maxW, hash2(float2(id + 4.7, seed + 8.9)));
        return 1.0 - smoothstep(w, w + 0.012, abs(fract(x) - hash2(float2(id, seed + 41.0))));
      }

      float gate(float2 uv, float row, float rnd, float frame) {
        float segments = mix(1.0, 9.0, hash2(float2(row, frame + 44.0)));
        return step(0.16, hash2(float2(floor(uv.x * segments), row + frame * 3.0 + rnd)));
      }

      float bands(float2 uv, float frame) {
        float r1 = floor((uv.y + hash1(frame) * 0.031) * horizontalBars * 0.38);
        float r2 = floor((uv.y + hash1(frame + 2.0) * 0.013) * horizontalBars);
        float r3 = floor((uv.y + hash1(frame + 7.0) * 0.006) * horizontalBars * 3.4);
        float thick = rowStripe(uv, horizontalBars * 0.38, frame + 1.0, 0.035, 0.22) * step(0.42, hash2(float2(r1, frame + 10.0)));
        float mid = rowStripe(uv, horizontalBars, frame + 4.0, 0.014, 0.11) * step(0.48, hash2(float2(r2, frame + 20.0)));
        float hair = rowStripe(uv, horizontalBars * 3.4, frame + 9.0, 0.004, 0.035) * step(0.62, hash2(float2(r3, frame + 30.0)));
        thick *= gate(uv, r1, hash2(float2(r1, frame)), frame);
        mid *= gate(uv, r2, hash2(float2(r2, frame)), frame + 3.0);
        return unit(max(thick, max(mid, hair)));
      }

      float slits(float2 uv, float frame) {
        float col = floor((uv.x + hash1(frame + 12.0) * 0.017) * verticalSlits);
        return unit(columnStripe(uv, verticalSlits, frame + 13.0, 0.01, 0.075) * step(0.66, hash2(float2(col, frame + 19.0))));
      }

      half4 splitFrom(float2 uv, float2 s) {
        uv = inside(uv);
        return half4(getFromColor(inside(uv + s)).r, getFromColor(uv).g, getFromColor(inside(uv - s)).b, 1.0);
      }

      half4 splitTo(float2 uv, float2 s) {
        uv = inside(uv);
        return half4(getToColor(inside(uv - s)).r, getToColor(uv).g, getToColor(inside(uv + s)).b, 1.0);
      }

      float2 torn(float2 uv, float dir, float b, float h, float v, float frame) {
        float row = floor(uv.y * horizontalBars);
        float col = floor(uv.x * verticalSlits);
        float xTear = (hash2(float2(row, frame)) - 0.5) * 2.0 * tear * b * h + sin(uv.y * 120.0 + progress * 95.0) * 0.006 * b;
        float yDrag = (hash2(float2(col, frame + 27.0)) - 0.5) * 0.13 * b * v;
        float micro = (hash2(float2(row, col + frame)) - 0.5) * 0.018 * b * max(h, v);
        return uv + float2(xTear * dir + micro, yDrag);
      }

      half4 transition(float2 uv) {
        const float PI = 3.141592653589793;
        if (progress <= 0.0) return getFromColor(uv);
        if (progress >= 1.0) return getToColor(uv);
        float b = pow(max(0.0, sin(progress * PI)), 0.42) * strength;
        float frame = floor(progress * 30.0);
        float h = bands(uv, frame);
        float v = slits(uv, frame);
        float glitch = unit(max(h, v * 0.75));
        float row = floor(uv.y * horizontalBars);
        float rowRnd = hash2(float2(row, frame + 5.0));
        float shown = smoothstep(0.18, 0.84, progress + (rowRnd - 0.5) * 0.30 * h);
        float2 s = float2(chroma * b * (1.0 + 1.7 * glitch), chroma * 0.22 * b * v);
        half4 c = mix(splitFrom(torn(uv, 1.0, b, h, v, frame), s), splitTo(torn(uv, -1.0, b, h, v, frame), s), shown);
        float2 smear = uv + float2((rowRnd - 0.5) * 0.46 * b * h, (hash2(float2(row, frame + 31.0)) - 0.5) * 0.045 * b * h);
        float sliceShown = smoothstep(0.28, 0.78, progress + (rowRnd - 0.5) * 0.22);
        half4 slice = mix(splitFrom(smear, s * 1.65), splitTo(smear - float2((rowRnd - 0.5) * 0.18 * b, 0.0), s * 1.65), sliceShown);
        float3 rgb = float3(mix(c, slice, h * b * residue).rgb);
        float hairLine = rowStripe(uv, 190.0, frame + 55.0, 0.002, 0.012) * step(0.70, hash2(float2(floor(uv.y * 190.0), frame + 56.0)));
        rgb += float3(0.72, 0.90, 1.0) * hairLine * b * 0.28;
        rgb *= 1.0 - scanAmount * b * (0.5 + 0.5 * sin(uv.y * 980.0 + progress * 130.0));
        float n = hash2(floor(uv * float2(360.0 * ratio, 210.0)) + float2(frame * 7.0, frame * 13.0));
        rgb += (n - 0.5) * noiseAmount * b * (0.55 + glitch);
        rgb = mix(rgb, float3(dot(rgb, float3(0.299, 0.587, 0.114))), 0.18 * b * glitch);
        rgb += step(0.78, hash2(float2(frame, 3.14))) * pow(b, 1.65) * flashAmount;
        return half4(half3(clamp(rgb, 0.0, 1.0)), 1.0);
      }
      """);

  StripDatamoshGlitch() {
    super(PROGRAM);
  }
}
