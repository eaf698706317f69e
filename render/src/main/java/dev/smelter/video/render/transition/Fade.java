package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;

/** {@code fade}: a straight cross-dissolve. */
final class Fade implements Transition {
  @Override
  public String name() {
    return "fade";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    Blending.mix(canvas, from, to, progress, width, height);
  }
}
