package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.ClipMode;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Matrix33;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.Rect;

/**
 * {@code directional}: both frames slide together by {@code progress·sign(direction)} of the frame,
 * the incoming one wrapping in behind the outgoing one. Output pixel {@code uv} shows
 * {@code from(uv + p·s)} while that lies inside the frame, else {@code to(fract(uv + p·s))}; so with
 * uv.y = 0 at the top, direction [0,1] moves the content up (Editly's {@code directional-down}).
 *
 * <p>Drawn as two translated images instead of a shader: the incoming frame as a repeating pattern
 * around the outgoing one.
 */
final class Directional implements Transition {
  @Override
  public String name() {
    return "directional";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double[] direction = params.vector("direction", 0, 1);
    float dx = (float) (-Math.signum(direction[0]) * progress * width);
    float dy = (float) (-Math.signum(direction.length > 1 ? direction[1] : 0) * progress * height);
    Rect outgoing = Rect.makeXYWH(dx, dy, width, height);
    canvas.clear(0);
    Matrix33 shifted = Matrix33.makeTranslate(dx, dy).makeConcat(Blending.stretch(to, width, height));
    try (Shader incoming = to.makeShader(FilterTileMode.REPEAT, FilterTileMode.REPEAT, Blending.LINEAR, shifted);
        Paint under = new Paint().setShader(incoming)) {
      // The incoming frame only outside the outgoing one, so a transparent outgoing pixel stays transparent.
      int saved = canvas.save();
      canvas.clipRect(outgoing, ClipMode.DIFFERENCE, false);
      canvas.drawRect(Rect.makeWH(width, height), under);
      canvas.restoreToCount(saved);
    }
    canvas.drawImageRect(from, Blending.bounds(from), outgoing, Blending.LINEAR, null, false);
  }
}
