package dev.smelter.video.render;

import dev.smelter.video.render.compose.FrameCompositor;
import dev.smelter.video.render.encode.FrameLayout;
import dev.smelter.video.render.gpu.EglContext;
import dev.smelter.video.render.gpu.GpuUnavailableException;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where frames are drawn: Skia raster surfaces on several CPU threads, or one Skia GL surface on a
 * thread that owns a headless EGL context. Frames come back unpremultiplied (as Editly hands them
 * to ffmpeg) in Skia's native byte order ({@link #layout}), in a fixed pool of buffers, so memory
 * does not grow with length.
 */
abstract sealed class FrameEngine implements AutoCloseable {
  protected final int width;
  protected final int height;
  protected final FrameCompositor compositor;
  private final ExecutorService pool;
  private final BlockingQueue<ByteBuffer> free;
  private final Map<ByteBuffer, Pixmap> pixmaps = new IdentityHashMap<>();
  protected final ImageInfo readInfo;

  private FrameEngine(int width, int height, int threads, int window, FrameCompositor compositor, String threadName) {
    this.width = width;
    this.height = height;
    this.compositor = compositor;
    this.readInfo = new ImageInfo(width, height, ColorType.N32, ColorAlphaType.UNPREMUL);
    this.free = new ArrayBlockingQueue<>(window);
    for (int i = 0; i < window; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(width * height * 4);
      pixmaps.put(b, Pixmap.make(readInfo, b, width * 4));
      free.add(b);
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, tf);
  }

  static FrameEngine open(int width, int height, GpuMode mode, int threads, FrameCompositor compositor) throws GpuUnavailableException {
    int cores = Runtime.getRuntime().availableProcessors();
    int n = threads > 0 ? threads : cores;
    return switch (mode) {
      case OFF -> new Raster(width, height, n, compositor);
      case ON -> Gl.open(width, height, compositor, true);
      case AUTO -> hardwareGpuLikely() ? Gl.openOrNull(width, height, compositor) instanceof Gl gl ? gl : new Raster(width, height, n, compositor)
          : new Raster(width, height, n, compositor);
    };
  }

  /** Cheap check before paying for an EGL probe: a DRM render node or an NVIDIA device. */
  static boolean hardwareGpuLikely() {
    return Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/dev/dri/renderD128"));
  }

  /** Byte order of the frames handed out: Skia's native 32-bit order. */
  FrameLayout layout() {
    return ColorType.N32 == ColorType.BGRA_8888 ? FrameLayout.BGRA : FrameLayout.RGBA;
  }

  /** Frames kept in flight: enough to keep every thread busy while the encoder catches up. */
  int window() {
    return pixmaps.size();
  }

  abstract String description();

  Future<ByteBuffer> submit(int frame) throws InterruptedException {
    ByteBuffer buffer = free.take();
    return pool.submit(() -> {
      draw(frame, pixmaps.get(buffer));
      return buffer;
    });
  }

  /** The pixel maps of all frame buffers (straight alpha, native order). */
  protected java.util.Collection<Pixmap> buffers() {
    return pixmaps.values();
  }

  /** {@link #submit} where a buffer is known to be free (just recycled): never waits. */
  Future<ByteBuffer> submitNow(int frame) {
    ByteBuffer buffer = free.poll();
    if (buffer == null) throw new IllegalStateException("no free frame buffer");
    return pool.submit(() -> {
      draw(frame, pixmaps.get(buffer));
      return buffer;
    });
  }

  void recycle(ByteBuffer buffer) {
    free.add(buffer);
  }

  protected abstract void draw(int frame, Pixmap target);

  protected abstract void closeSurfaces();

  /**
   * Releases surfaces on a composition thread: a GL context can only be released by the thread it
   * is current on.
   */
  @Override
  public void close() {
    // A cancelled render arrives here interrupted; native surfaces must still be released, so wait
    // (bounded) regardless and restore the interrupt afterwards.
    boolean interrupted = Thread.interrupted();
    Future<?> release = pool.submit(this::closeSurfaces);
    pool.shutdown();
    try {
      release.get(30, TimeUnit.SECONDS);
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // nothing more can be done for native surfaces that failed to close
    } finally {
      pool.shutdownNow();
    }
    // Only now is no thread drawing any more (a failed or cancelled render still has frames in
    // flight): wait for that even when interrupted, or a surface could be freed under a draw.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!pool.isTerminated() && System.nanoTime() < deadline) {
      try {
        pool.awaitTermination(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (pool.isTerminated()) closeAfterDrawing();
    if (interrupted) Thread.currentThread().interrupt();
    pixmaps.values().forEach(Pixmap::close);
  }

  /** Releases what drawing threads may still use; runs after they have all stopped. */
  protected void closeAfterDrawing() {}

  /**
   * CPU: every frame buffer is itself a raster surface, so a frame is drawn straight into the memory
   * the encoder reads — no separate surface per thread and no read-back pass (≈ 25 % of the
   * composition time of a Ken Burns frame at 1080×1920, and 8 MB per thread). Skia draws
   * premultiplied; a frame that is not fully opaque is unpremultiplied in place afterwards.
   */
  static final class Raster extends FrameEngine {
    private final Map<Pixmap, Surface> surfaces = new IdentityHashMap<>();
    private final ImageInfo premul;

    Raster(int width, int height, int threads, FrameCompositor compositor) {
      // One frame being drawn per thread and one finished, waiting for the encoder, which gives its
      // buffer back as soon as it is converted (before encoding it). More only costs memory (8 MB
      // each at 1080×1920).
      super(width, height, threads, threads + 1, compositor, "compose");
      this.premul = ImageInfo.makeN32Premul(width, height);
      for (Pixmap target : buffers()) {
        Surface s = Surface.makeRasterDirect(premul, target.getAddr(), (long) width * 4);
        if (s == null) throw new IllegalStateException("cannot draw into a " + width + "x" + height + " frame buffer");
        surfaces.put(target, s);
      }
    }

    @Override
    String description() {
      return "cpu (skia raster)";
    }

    @Override
    protected void draw(int frame, Pixmap target) {
      Surface s = surfaces.get(target);
      compositor.render(frame, s.getCanvas()); // clears first
      try (Pixmap drawn = Pixmap.make(premul, target.getAddr(), width * 4)) {
        // Skia converts element by element, so source and destination may be the same memory.
        if (!drawn.computeIsOpaque() && !drawn.readPixels(readInfo, target.getAddr(), width * 4)) {
          throw new IllegalStateException("cannot unpremultiply frame " + frame);
        }
      }
    }

    @Override
    protected void closeSurfaces() {
      // not here: another thread may still be drawing into its frame (closeAfterDrawing)
    }

    @Override
    protected void closeAfterDrawing() {
      surfaces.values().forEach(Surface::close);
    }
  }

  /** GPU: the EGL context lives on the single composition thread, which owns the GL surface. */
  static final class Gl extends FrameEngine {
    private EglContext egl;
    private Surface surface;
    private String renderer = "?";

    private Gl(int width, int height, FrameCompositor compositor) {
      super(width, height, 1, 3, compositor, "compose-gl");
    }

    static Gl open(int width, int height, FrameCompositor compositor, boolean required) throws GpuUnavailableException {
      Gl gl = new Gl(width, height, compositor);
      try {
        gl.submitSetup();
        return gl;
      } catch (GpuUnavailableException e) {
        gl.close();
        throw e;
      }
    }

    static Gl openOrNull(int width, int height, FrameCompositor compositor) {
      try {
        Gl gl = open(width, height, compositor, false);
        if (EglContext.isSoftware(gl.renderer)) {
          gl.close();
          return null;
        }
        return gl;
      } catch (GpuUnavailableException e) {
        return null;
      }
    }

    private void submitSetup() throws GpuUnavailableException {
      try {
        super.pool().submit(() -> {
          egl = EglContext.open();
          renderer = egl.renderer();
          surface = Surface.makeRenderTarget(egl.skia(), false, new ImageInfo(width, height, ColorType.RGBA_8888, ColorAlphaType.PREMUL));
          if (surface == null) throw new GpuUnavailableException("cannot create a " + width + "x" + height + " GL surface");
          return null;
        }).get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof GpuUnavailableException g) throw g;
        throw new GpuUnavailableException(String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GpuUnavailableException("interrupted while creating the GL context");
      }
    }

    @Override
    String description() {
      return "gpu (skia gl: " + renderer + ")";
    }

    @Override
    protected void draw(int frame, Pixmap target) {
      surface.getCanvas().clear(0x00000000);
      compositor.render(frame, surface.getCanvas());
      egl.skia().flushAndSubmit(surface, true);
      if (!surface.readPixels(target, 0, 0)) throw new IllegalStateException("GL readPixels failed for frame " + frame);
    }

    @Override
    protected void closeSurfaces() {
      if (surface != null) surface.close();
      if (egl != null) egl.close();
    }
  }

  ExecutorService pool() {
    return pool;
  }
}
