package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;

/**
 * {@code burn}: each side is brightened by {@code progress·color} while they dissolve. Editly never
 * sets {@code color} (its default lives in a comment gl-transitions does not parse), so it stays 0
 * and burn looks exactly like a fade; a user {@code color} is ignored the same way.
 */
final class Burn implements Transition {
  @Override
  public String name() {
    return "burn";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    Blending.mix(canvas, from, to, progress, width, height);
  }
}
