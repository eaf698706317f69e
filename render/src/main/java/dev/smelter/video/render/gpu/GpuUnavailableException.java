package dev.smelter.video.render.gpu;

/** No usable headless GL context on this machine (no EGL, no driver, no config). */
public final class GpuUnavailableException extends Exception {
  public GpuUnavailableException(String message) {
    super(message);
  }
}
