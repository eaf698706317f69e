package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.ColorFilter;
import io.github.humbleui.skija.ColorMatrix;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Matrix33;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.Rect;

/**
 * {@code dreamyzoom}: the outgoing frame rotates and zooms towards a white flash at progress 0.5,
 * then the incoming frame comes back from the flash, rotated and zoomed the opposite way.
 *
 * <p>In each half, phase φ runs 0 → 1: the angle goes 0 → rotation·k (first half) or
 * −rotation·k → 0 (second half), the scale 1 → scale or scale → 1, and φ (or 1−φ) is added to every
 * channel. gl-transitions' "degrees to radians" constant is π/80, not π/180; kept for parity, so the
 * default 6 turns 13.5°. Rotation happens in aspect-corrected space, i.e. in pixels about the
 * centre, which makes the whole effect one affine transform plus a colour offset.
 */
final class DreamyZoom implements Transition {
  private static final double ANGLE_UNIT = Math.PI / 80;

  @Override
  public String name() {
    return "dreamyzoom";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double rotation = params.scalar("rotation", 6) * ANGLE_UNIT;
    double scale = params.scalar("scale", 1.2);
    boolean firstHalf = progress < 0.5;
    double phase = firstHalf ? progress * 2 : (progress - 0.5) * 2;
    double angle = firstHalf ? rotation * phase : -rotation * (1 - phase);
    double zoom = firstHalf ? 1 + (scale - 1) * phase : scale + (1 - scale) * phase;
    double flash = firstHalf ? phase : 1 - phase;
    Image source = firstHalf ? from : to;

    // Output pixel x samples c + R(angle)·(x − c)/zoom; the shader wants the inverse (source → output).
    float cx = width / 2f, cy = height / 2f;
    Matrix33 sourceToOutput = Matrix33.makeTranslate(cx, cy)
        .makeConcat(Matrix33.makeScale((float) zoom))
        .makeConcat(Matrix33.makeRotate((float) Math.toDegrees(-angle)))
        .makeConcat(Matrix33.makeTranslate(-cx, -cy))
        .makeConcat(Blending.stretch(source, width, height));
    float f = (float) flash;
    try (Shader warped = source.makeShader(FilterTileMode.CLAMP, FilterTileMode.CLAMP, Blending.LINEAR, sourceToOutput);
        ColorFilter brighten = ColorFilter.makeMatrix(new ColorMatrix(
            1, 0, 0, 0, f,
            0, 1, 0, 0, f,
            0, 0, 1, 0, f,
            0, 0, 0, 1, f));
        Paint paint = new Paint().setShader(warped).setColorFilter(brighten)) {
      canvas.clear(0);
      canvas.drawRect(Rect.makeWH(width, height), paint);
    }
  }
}
