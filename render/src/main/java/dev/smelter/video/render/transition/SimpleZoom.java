package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.BlendMode;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.Rect;

/**
 * {@code simplezoom}: the outgoing frame zooms into its centre (sampled at
 * {@code 0.5 + (uv−0.5)·(1−z)}, z = smoothstep(0, q, p), q = clamp(zoom_quickness, 0.2, 1)) while
 * the incoming frame fades in with smoothstep(q−0.2, 1, p).
 *
 * <p>The zoom is an affine magnification, so it is drawn as a scaled image rather than a per-pixel
 * shader.
 */
final class SimpleZoom implements Transition {
  /** Smallest kept fraction of the frame, where the sampled area collapses to the centre point. */
  private static final float MIN_KEPT = 1e-4f;

  @Override
  public String name() {
    return "simplezoom";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double quickness = Math.clamp(params.scalar("zoom_quickness", 0.8), 0.2, 1.0);
    double zoom = Blending.smoothstep(0, quickness, progress);
    double reveal = Blending.smoothstep(quickness - 0.2, 1, progress);
    // Magnifying about the centre only ever shows the centre crop, so no edge clamping is needed.
    float kept = (float) Math.max(1 - zoom, MIN_KEPT);
    float cropWidth = from.getWidth() * kept, cropHeight = from.getHeight() * kept;
    Rect crop = Rect.makeXYWH((from.getWidth() - cropWidth) / 2, (from.getHeight() - cropHeight) / 2, cropWidth, cropHeight);
    canvas.clear(0);
    try (Paint outgoing = new Paint().setAlphaf((float) (1 - reveal));
        Paint incoming = new Paint().setBlendMode(BlendMode.PLUS).setAlphaf((float) reveal)) {
      canvas.drawImageRect(from, crop, Rect.makeWH(width, height), Blending.LINEAR, outgoing, false);
      canvas.drawImageRect(to, Blending.bounds(to), Rect.makeWH(width, height), Blending.LINEAR, incoming, false);
    }
  }
}
