package dev.smelter.video.render;

/** A progress report: frames written so far of the total, the current speed and the estimate. */
public record RenderProgress(int framesDone, int totalFrames, double framesPerSecond, double etaSeconds) {
  public double fraction() {
    return totalFrames == 0 ? 1 : (double) framesDone / totalFrames;
  }

  /** Receives progress from the render thread; must be cheap and must not throw. */
  @FunctionalInterface
  public interface Listener {
    void onProgress(RenderProgress progress);

    Listener NONE = p -> {};
  }
}
