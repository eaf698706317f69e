package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffectBuilder;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;

/**
 * {@code crosszoom}: a zoom blur towards a centre that drifts from x = 0.25 to 0.75, its strength
 * rising and falling with {@code strength·(1 − cos 2πp)/2}, over a dissolve that follows an
 * exponential ease-in-out. Each pixel averages 41 taps {@code (t + offset)/40}, t = 0…40, along
 * the line to the centre with weights {@code 4u(1−u)}, {@code offset} a per-pixel hash of uv that
 * hides the fixed tap count — gl-transitions' program, tap for tap.
 *
 * <p>The dissolve is linear and every tap mixes the two frames with the same weight, so the mix is
 * drawn once and the blur samples that one image (41 reads per pixel instead of 82; the same sum
 * up to the 8-bit rounding of the mixed frame). At p = 0 the strength is 0 and the frame is the
 * plain dissolve.
 *
 * <p>Cost: 41 filtered reads per pixel is ~1.6 s per 1080×1920 frame on the CPU raster backend
 * (the earlier approximation took ~80 ms). Up to {@value #MAX_WORKING_PIXELS} pixels (540×960) the
 * blur runs at full resolution, exactly as above; larger frames are blurred at 1/k of their size
 * (k the smallest integer that fits the budget: 1080×1920 → 540×960, ~0.4 s) with the same 41 taps,
 * then scaled up — the streaks are smooth along their length, so this loses little.
 */
final class CrossZoom implements Transition {
  static final int MAX_WORKING_PIXELS = 540 * 960;

  private static final SkslProgram ZOOM_BLUR = SkslProgram.withReferenceTrig("crosszoom", """
      uniform shader image;
      uniform float2 size;
      uniform float2 center;
      uniform float strength;

      float rand(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      half4 main(float2 fragCoord) {
        float2 uv = fragCoord / size;
        float2 toCenter = center - uv;
        float offset = rand(uv);
        half4 sum = half4(0.0);
        float total = 0.0;
        for (int i = 0; i <= 40; i++) {
          float percent = (float(i) + offset) / 40.0;
          float weight = 4.0 * (percent - percent * percent);
          sum += image.eval((uv + toCenter * percent * strength) * size) * weight;
          total += weight;
        }
        return half4(unpremul(sum / total).rgb, 1.0); // as GL blurs unpremultiplied texels
      }
      """);

  @Override
  public String name() {
    return "crosszoom";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double dissolve = exponentialInOut(progress);
    double strength = params.scalar("strength", 0.4) * (1 - Math.cos(2 * Math.PI * progress)) / 2;
    if (strength == 0) {
      Blending.mix(canvas, from, to, dissolve, width, height);
      return;
    }
    int factor = workingFactor(width, height);
    int w = Math.ceilDiv(width, factor), h = Math.ceilDiv(height, factor);
    try (Surface mixed = Blending.offscreen(canvas, w, h)) {
      Blending.mix(mixed.getCanvas(), from, to, dissolve, w, h);
      try (Image mixedImage = mixed.makeImageSnapshot();
          Shader source = mixedImage.makeShader(FilterTileMode.CLAMP, FilterTileMode.CLAMP, Blending.LINEAR, null);
          RuntimeEffectBuilder builder = new RuntimeEffectBuilder(ZOOM_BLUR.effect())) {
        builder.setUniform("size", (float) w, (float) h);
        builder.setUniform("center", (float) (0.25 + 0.5 * progress), 0.5f);
        builder.setUniform("strength", (float) strength);
        builder.setChild("image", source);
        try (Shader blur = builder.makeShader(); Paint paint = new Paint().setShader(blur)) {
          if (factor == 1) {
            canvas.clear(0);
            canvas.drawRect(Rect.makeWH(width, height), paint);
            return;
          }
          try (Surface small = Blending.offscreen(canvas, w, h)) {
            small.getCanvas().drawRect(Rect.makeWH(w, h), paint);
            try (Image blurred = small.makeImageSnapshot()) {
              Blending.copy(canvas, blurred, width, height);
            }
          }
        }
      }
    }
  }

  /** The smallest k for which the frame at 1/k of its size fits {@link #MAX_WORKING_PIXELS}. */
  static int workingFactor(int width, int height) {
    int k = 1;
    while ((long) Math.ceilDiv(width, k) * Math.ceilDiv(height, k) > MAX_WORKING_PIXELS) k++;
    return k;
  }

  /** Robert Penner's exponential ease-in-out over [0,1]. */
  static double exponentialInOut(double t) {
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    double u = t * 2;
    return u < 1 ? Math.pow(2, 10 * (u - 1)) / 2 : (2 - Math.pow(2, -10 * (u - 1))) / 2;
  }
}
