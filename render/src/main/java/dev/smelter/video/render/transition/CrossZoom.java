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
 * exponential ease-in-out. Each pixel averages taps along the line to the centre with weights
 * {@code 4t(1−t)}, the tap positions jittered per pixel to hide the finite tap count.
 *
 * <p>Cost control (SkSL runs per pixel and per tap on the CPU raster backend): the blur is linear,
 * so the dissolve is mixed first and blurred once (one image, not two); the blur is computed at a
 * resolution reduced by up to 4× while its longest streak still spans
 * {@value #MIN_SPREAD_PX} working pixels, and scaled up; the tap count follows the streak length
 * (gl-transitions always takes 41); below {@value #MIN_VISIBLE_SPREAD_PX} pixels of streak the
 * frame is the plain dissolve.
 */
final class CrossZoom implements Transition {
  private static final int MAX_TAPS = 24;
  private static final int MIN_TAPS = 3;
  private static final double MIN_SPREAD_PX = 6;
  private static final double MIN_VISIBLE_SPREAD_PX = 1.5;
  private static final int MAX_REDUCTION = 4;

  private static final SkslProgram ZOOM_BLUR = SkslProgram.shader("crosszoom", """
      uniform shader image;
      uniform float2 size;
      uniform float2 center;
      uniform float strength;
      uniform float taps;

      float jitter(float2 co) { return fract(sin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      half4 main(float2 fragCoord) {
        float2 uv = fragCoord / size;
        float2 toCenter = center - uv;
        float offset = jitter(uv);
        half3 sum = half3(0.0);
        float total = 0.0;
        for (int i = 0; i <= %d; i++) {
          if (float(i) > taps) break;
          float t = (float(i) + offset) / taps;
          float w = 4.0 * (t - t * t);
          sum += image.eval((uv + toCenter * t * strength) * size).rgb * w;
          total += w;
        }
        return half4(sum / total, 1.0);
      }
      """.formatted(MAX_TAPS));

  @Override
  public String name() {
    return "crosszoom";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double dissolve = exponentialInOut(progress);
    double strength = params.scalar("strength", 0.4) * (1 - Math.cos(2 * Math.PI * progress)) / 2;
    double centerX = 0.25 + 0.5 * progress;
    double spreadPx = strength * Math.max(Math.max(centerX, 1 - centerX) * width, 0.5 * height);
    if (spreadPx < MIN_VISIBLE_SPREAD_PX) {
      Blending.mix(canvas, from, to, dissolve, width, height);
      return;
    }
    int factor = (int) Math.clamp(Math.floor(spreadPx / MIN_SPREAD_PX), 1, MAX_REDUCTION);
    // About one tap per working pixel of streak; the per-pixel jitter hides wider spacing.
    int taps = (int) Math.clamp(Math.ceil(spreadPx / factor), MIN_TAPS, MAX_TAPS);
    int w = Math.ceilDiv(width, factor), h = Math.ceilDiv(height, factor);
    try (Surface mixed = Blending.offscreen(canvas, w, h)) {
      Blending.mix(mixed.getCanvas(), from, to, dissolve, w, h);
      try (Image mixedImage = mixed.makeImageSnapshot();
          Shader source = mixedImage.makeShader(FilterTileMode.CLAMP, FilterTileMode.CLAMP, Blending.LINEAR, null);
          RuntimeEffectBuilder builder = new RuntimeEffectBuilder(ZOOM_BLUR.effect())) {
        builder.setUniform("size", (float) w, (float) h);
        builder.setUniform("center", (float) centerX, 0.5f);
        builder.setUniform("strength", (float) strength);
        builder.setUniform("taps", (float) taps);
        builder.setChild("image", source);
        try (Shader blur = builder.makeShader(); Paint paint = new Paint().setShader(blur)) {
          if (factor == 1) {
            canvas.clear(0);
            canvas.drawRect(Rect.makeWH(width, height), paint);
          } else {
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
  }

  /** Robert Penner's exponential ease-in-out over [0,1]. */
  static double exponentialInOut(double t) {
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    double u = t * 2;
    return u < 1 ? Math.pow(2, 10 * (u - 1)) / 2 : (2 - Math.pow(2, -10 * (u - 1))) / 2;
  }
}
