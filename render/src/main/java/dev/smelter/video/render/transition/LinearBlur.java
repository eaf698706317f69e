package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageFilter;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;

/**
 * {@code linearblur}: a dissolve through a blur whose size peaks at progress 0.5
 * ({@code disp = intensity·(0.5 − |0.5 − p|)} of the frame).
 *
 * <p>gl-transitions averages a 6×6 grid of taps at offsets {@code (i/6 − 0.5)·disp} per axis. Blur
 * is linear, so blurring the dissolve equals dissolving the blurs; here the dissolve is drawn into
 * an offscreen image that Skia blurs once with a Gaussian of the same spread (σ = 0.2846·disp of the frame, the
 * standard deviation of those six offsets) and the same mean shift (−disp/12). On the CPU that is
 * ~20× cheaper than 72 texture samples per pixel and visually equivalent.
 */
final class LinearBlur implements Transition {
  private static final double TAP_STD_DEV = 0.2846;
  private static final double TAP_MEAN = -1.0 / 12;
  private static final double MIN_WORKING_SIGMA = 1.5;
  private static final int MAX_REDUCTION = 4;

  @Override
  public String name() {
    return "linearblur";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double disp = params.scalar("intensity", 0.1) * (0.5 - Math.abs(0.5 - progress));
    float sigmaX = (float) (TAP_STD_DEV * disp * width);
    float sigmaY = (float) (TAP_STD_DEV * disp * height);
    if (Math.max(sigmaX, sigmaY) < 0.2f) {
      Blending.mix(canvas, from, to, progress, width, height);
      return;
    }
    // Sampling at uv + offset moves the content by −offset.
    float shiftX = (float) (-TAP_MEAN * disp * width);
    float shiftY = (float) (-TAP_MEAN * disp * height);
    // Work at up to 4× reduced resolution while σ stays ≥ 1.5 working pixels: the blur hides it.
    int factor = (int) Math.clamp(Math.floor(Math.max(sigmaX, sigmaY) / MIN_WORKING_SIGMA), 1, MAX_REDUCTION);
    int w = Math.ceilDiv(width, factor), h = Math.ceilDiv(height, factor);
    // Blurring a layer does not clamp at the frame edges; blurring an image does, so mix into one first.
    try (Surface mixed = Blending.offscreen(canvas, w, h)) {
      if (factor == 1) {
        Blending.mix(mixed.getCanvas(), from, to, progress, w, h); // the shift is below half a pixel here
      } else {
        Blending.mixShifted(mixed.getCanvas(), from, to, progress, w, h, shiftX / factor, shiftY / factor);
      }
      try (Image mixedImage = mixed.makeImageSnapshot();
          ImageFilter blur = ImageFilter.makeBlur(sigmaX / factor, sigmaY / factor, FilterTileMode.CLAMP);
          Paint paint = new Paint().setImageFilter(blur)) {
        if (factor == 1) {
          canvas.clear(0);
          canvas.drawImage(mixedImage, 0, 0, paint);
        } else {
          try (Surface blurred = Blending.offscreen(canvas, w, h)) {
            blurred.getCanvas().drawImage(mixedImage, 0, 0, paint);
            try (Image small = blurred.makeImageSnapshot()) {
              Blending.copy(canvas, small, width, height);
            }
          }
        }
      }
    }
  }
}
