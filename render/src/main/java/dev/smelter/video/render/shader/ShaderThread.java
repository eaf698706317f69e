package dev.smelter.video.render.shader;

import dev.smelter.video.render.gpu.EglContext;
import dev.smelter.video.render.gpu.GpuUnavailableException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.lwjgl.system.MemoryUtil;

/**
 * The one thread of a render that owns a headless GL context and draws every shader layer's frames.
 * A GL context is current on one thread only, so compositor threads hand it work and wait (bounded)
 * for the RGBA pixels. Editly gives each layer its own context; one shared context with one
 * program per layer draws the same pixels.
 */
public final class ShaderThread implements AutoCloseable {
  /** A frame of a heavy shader at 1080×1920 on a software rasteriser still takes well under this. */
  private static final long FRAME_TIMEOUT_S = 120;
  private static final long SETUP_TIMEOUT_S = 60;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService thread;
  private final int width;
  private final int height;
  // Touched only on the GL thread:
  private EglContext context;
  private ShaderProgram.Quad quad;
  private FrameTarget target;
  private ByteBuffer scratch;
  private final Map<Integer, ShaderProgram> programs = new HashMap<>();
  private int nextId;

  private ShaderThread(int width, int height) {
    this.width = width;
    this.height = height;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "shader-gl-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts the thread and its GL context for {@code width × height} frames. */
  public static ShaderThread start(int width, int height) throws GpuUnavailableException {
    ShaderThread shaders = new ShaderThread(width, height);
    try {
      shaders.call(() -> {
        shaders.context = EglContext.open();
        shaders.quad = new ShaderProgram.Quad();
        shaders.target = new FrameTarget(width, height);
        shaders.scratch = MemoryUtil.memAlloc(width * height * 4);
        return null;
      }, SETUP_TIMEOUT_S);
      return shaders;
    } catch (ShaderException e) {
      shaders.close();
      if (e.getCause() instanceof GpuUnavailableException g) throw g;
      throw new GpuUnavailableException(e.getMessage());
    }
  }

  /**
   * Compiles and links a layer's shaders; the returned id names the program in {@link #draw}.
   *
   * @throws ShaderException with the GLSL info log
   */
  public int compile(String fragment, Optional<String> vertex) throws ShaderException {
    return call(() -> {
      int id = nextId++;
      programs.put(id, ShaderProgram.compile(fragment, vertex));
      return id;
    }, SETUP_TIMEOUT_S);
  }

  /**
   * Draws program {@code id} with uniform {@code time}: BGRA premultiplied, upright and mirrored
   * left to right as Editly shows it (see {@link FrameTarget}).
   */
  public byte[] draw(int id, double time) throws ShaderException {
    return call(() -> {
      ShaderProgram program = programs.get(id);
      if (program == null) throw new ShaderException("shader program " + id + " was released");
      target.bindScene();
      program.draw(quad, time, width, height);
      return target.read(quad, scratch);
    }, FRAME_TIMEOUT_S);
  }

  /** Frees a program; quietly does nothing once the thread is closed. */
  public void release(int id) {
    if (thread.isShutdown()) return;
    try {
      call(() -> {
        ShaderProgram p = programs.remove(id);
        if (p != null) p.close();
        return null;
      }, SETUP_TIMEOUT_S);
    } catch (ShaderException | RuntimeException e) {
      // the context goes with close() anyway
    }
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  private <T> T call(Callable<T> work, long timeoutSeconds) throws ShaderException {
    Future<T> result;
    try {
      result = thread.submit(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new ShaderException("the shader thread is closed");
    }
    try {
      return result.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ShaderException s) throw s;
      throw new ShaderException(String.valueOf(cause.getMessage()), cause);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new ShaderException("the GL thread gave no frame within " + timeoutSeconds + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShaderException("interrupted while waiting for the GL thread");
    }
  }

  /** Frees every program and the context on the GL thread, then ends it (bounded). */
  @Override
  public void close() {
    if (thread.isShutdown()) return;
    Future<?> cleanup = thread.submit(() -> {
      programs.values().forEach(ShaderProgram::close);
      programs.clear();
      if (target != null) target.close();
      if (quad != null) quad.close();
      if (scratch != null) MemoryUtil.memFree(scratch);
      if (context != null) context.close();
    });
    thread.shutdown();
    try {
      cleanup.get(SETUP_TIMEOUT_S, TimeUnit.SECONDS);
      thread.awaitTermination(SETUP_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a context that failed to close leaves with the daemon thread
    } finally {
      thread.shutdownNow();
    }
  }
}
