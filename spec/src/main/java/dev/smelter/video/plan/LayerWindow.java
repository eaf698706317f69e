package dev.smelter.video.plan;

/**
 * When a layer is visible inside its clip (clip-local seconds) and its progress there.
 *
 * <p>Editly draws a layer when {@code 0 <= (t - start) / (stop - start) <= 1} and passes that ratio
 * as the layer's progress; Ken Burns, text and gradient animations run over this window.
 */
public record LayerWindow(double start, double stop) {
  public LayerWindow {
    if (!(stop - start > 0)) throw new IllegalArgumentException("empty layer window " + start + ".." + stop);
  }

  public static LayerWindow whole(double clipDuration) {
    return new LayerWindow(0, clipDuration);
  }

  /** Progress at clip-local time {@code t}; outside [0,1] means not visible. */
  public double progressAt(double t) {
    return (t - start) / (stop - start);
  }

  public boolean visibleAt(double t) {
    double p = progressAt(t);
    return p >= 0 && p <= 1;
  }
}
