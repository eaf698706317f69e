package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;

/**
 * One gl-transitions effect, implemented from its described behaviour (Skia canvas operations or an
 * SkSL runtime effect). Coordinates follow Editly's orientation: uv.y = 0 is the TOP row.
 */
public interface Transition {
  /** Canonical lower-case name ({@code fade}, {@code directional}, ...). */
  String name();

  /**
   * Draws the blend of {@code from} and {@code to} (both {@code width×height}) at eased
   * {@code progress} in [0,1) over the whole canvas.
   */
  void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height);
}
