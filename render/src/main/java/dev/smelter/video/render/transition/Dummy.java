package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;

/** Editly's {@code dummy}: no blend; the outgoing frame up to progress 0.5, then the incoming one. */
final class Dummy implements Transition {
  @Override
  public String name() {
    return "dummy";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    Blending.copy(canvas, progress <= 0.5 ? from : to, width, height);
  }
}
