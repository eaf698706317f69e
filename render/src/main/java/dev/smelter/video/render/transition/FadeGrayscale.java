package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.ColorFilter;
import io.github.humbleui.skija.ColorMatrix;
import io.github.humbleui.skija.Image;

/**
 * {@code fadegrayscale}: a dissolve through grey. The outgoing frame loses its colour over
 * progress 0 → 1−intensity, the incoming one regains it over intensity → 1, and the two are mixed
 * by progress. Grey is Rec. 709 luma.
 *
 * <p>"mix(grey, colour, w)" is linear in the colour, so each side is a single colour matrix: no
 * shader needed.
 */
final class FadeGrayscale implements Transition {
  @Override
  public String name() {
    return "fadegrayscale";
  }

  @Override
  public void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    double intensity = params.scalar("intensity", 0.3);
    double fromColour = Blending.smoothstep(1 - intensity, 0, progress);
    double toColour = Blending.smoothstep(intensity, 1, progress);
    try (ColorFilter fromFilter = towardsGrey(fromColour); ColorFilter toFilter = towardsGrey(toColour)) {
      Blending.mix(canvas, from, fromFilter, to, toFilter, progress, width, height);
    }
  }

  /**
   * {@code mix(luma, colour, keep)} on RGB as a 4×5 colour matrix. Alpha passes through: the shader's
   * grey has alpha 1, which differs only on transparent pixels, and those end up black either way.
   */
  private static ColorFilter towardsGrey(double keep) {
    float k = (float) keep;
    float g = 1 - k;
    float r = 0.2126f * g, gr = 0.7152f * g, b = 0.0722f * g;
    return ColorFilter.makeMatrix(new ColorMatrix(
        r + k, gr, b, 0, 0,
        r, gr + k, b, 0, 0,
        r, gr, b + k, 0, 0,
        0, 0, 0, 1, 0));
  }
}
