package dev.smelter.video.render.compose;

import dev.smelter.video.render.gpu.GpuUnavailableException;
import dev.smelter.video.render.shader.ShaderThread;

/**
 * The render's {@link ShaderThread}, started when the first shader layer is prepared (most jobs
 * have none) and closed with the compositor.
 */
final class ShaderThreads implements AutoCloseable {
  /** How a GL thread comes to be; tests stand in a machine without GL. */
  @FunctionalInterface
  interface Starter {
    ShaderThread start(int width, int height) throws GpuUnavailableException;
  }

  static final Starter EGL = ShaderThread::start;

  private final int width;
  private final int height;
  private final Starter starter;
  private ShaderThread started;
  private boolean closed;

  ShaderThreads(int width, int height, Starter starter) {
    this.width = width;
    this.height = height;
    this.starter = starter;
  }

  /**
   * @param at the layer that needs GL, named when there is none
   */
  synchronized ShaderThread get(String at) {
    if (closed) throw new CompositionException(at, "the compositor is closed");
    if (started == null) {
      try {
        started = starter.start(width, height);
      } catch (GpuUnavailableException e) {
        throw new CompositionException(at, noGl(e.getMessage()), e);
      }
    }
    return started;
  }

  static String noGl(String reason) {
    return "gl layers need OpenGL through EGL (a GPU driver or Mesa), none is usable here: " + reason;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (started != null) started.close();
  }
}
