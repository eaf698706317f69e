package dev.smelter.video.render;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.audio.AudioChain;
import dev.smelter.video.render.audio.PcmStream;
import dev.smelter.video.render.compose.CompositorOptions;
import dev.smelter.video.render.compose.FrameCompositor;
import dev.smelter.video.render.encode.OutputWriter;
import dev.smelter.video.render.media.FfmpegVideoReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Duration;

/**
 * Renders a plan to its output file.
 *
 * <p>Frames are independent, so a {@link FrameEngine} composes a window of them in parallel while
 * this thread hands them to the encoder strictly in order; the window bounds memory (a few frames,
 * not the video). The file is written under a temporary name beside the target and renamed only
 * when complete: a failed or cancelled render leaves nothing behind.
 */
public final class Renderer {
  /**
   * @param threads composition threads for the CPU path; 0 = one per core
   * @param respectExifOrientation rotate photos by their EXIF tag (Editly ignores it: default off)
   * @param timeout the whole render must finish within this, or it fails (and leaves no file)
   */
  public record Options(GpuMode gpu, int threads, RenderProgress.Listener progress, boolean respectExifOrientation, Optional<Duration> timeout) {
    public Options(GpuMode gpu, int threads, RenderProgress.Listener progress) {
      this(gpu, threads, progress, false, Optional.empty());
    }

    public static Options defaults() {
      return new Options(GpuMode.AUTO, 0, RenderProgress.Listener.NONE, false, Optional.empty());
    }

    public Options withTimeout(Duration limit) {
      return new Options(gpu, threads, progress, respectExifOrientation, Optional.of(limit));
    }

    public Options withRespectExifOrientation(boolean respect) {
      return new Options(gpu, threads, progress, respect, timeout);
    }
  }

  private Renderer() {}

  /**
   * Renders {@code plan}. Cancel by interrupting the calling thread: the render stops within a
   * frame and throws {@link RenderException}; as on any failure, no output file is left.
   */
  public static RenderResult render(RenderPlan plan, Options options) throws RenderException {
    long started = System.nanoTime();
    Path target = plan.output().path().toAbsolutePath();
    Path tmp = temporaryBeside(target);
    String encoder;
    String engineName;
    PartialOutputs.add(tmp); // so that even a native crash of this JVM leaves no partial file (see PartialOutputs)
    try {
      Files.createDirectories(target.getParent());
      try (FrameCompositor compositor = new FrameCompositor(plan, Renderer::openVideo,
              CompositorOptions.DEFAULTS.withRespectExifOrientation(options.respectExifOrientation()));
          FrameEngine engine = FrameEngine.open(plan.output().width(), plan.output().height(), options.gpu(), options.threads(), compositor);
          PcmStream audio = plan.audio().map(Renderer::openAudio).orElse(null);
          OutputWriter writer = OutputWriter.open(tmp, plan.output(), Optional.ofNullable(audio), engine.layout())) {
        encoder = writer.encoderName();
        engineName = engine.description();
        long deadline = options.timeout().map(t -> started + t.toNanos()).orElse(Long.MAX_VALUE);
        pump(plan, engine, compositor, writer, options.progress(), started, deadline, options.timeout());
        writer.finish();
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw new RenderException(message(e), e);
    } catch (dev.smelter.video.render.gpu.GpuUnavailableException e) {
      deleteQuietly(tmp);
      throw new RenderException("--gpu on, but no GL context: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      deleteQuietly(tmp);
      Thread.currentThread().interrupt();
      throw new RenderException("render cancelled");
    } catch (RenderException e) {
      deleteQuietly(tmp);
      throw e;
    } finally {
      PartialOutputs.remove(tmp);
    }
    long size;
    try {
      size = Files.size(target);
    } catch (IOException e) {
      throw new RenderException("output vanished: " + target, e);
    }
    long wall = (System.nanoTime() - started) / 1_000_000;
    return new RenderResult(target, plan.totalFrames(), plan.durationSeconds(), plan.audio().map(a -> a.duration()).orElse(0.0),
        size, plan.output().width(), plan.output().height(), plan.output().fps().toString(), encoder, engineName, plan.seed(), wall, plan.warnings());
  }

  /** Keeps {@code window} frames in flight and writes them in order. */
  private static void pump(RenderPlan plan, FrameEngine engine, FrameCompositor compositor, OutputWriter writer,
      RenderProgress.Listener progress, long started, long deadline, Optional<Duration> timeout)
      throws IOException, InterruptedException, RenderException {
    int total = plan.totalFrames();
    ArrayDeque<Future<ByteBuffer>> inFlight = new ArrayDeque<>();
    int[] next = {0};
    while (next[0] < total && inFlight.size() < engine.window()) inFlight.add(engine.submit(next[0]++));
    for (int f = 0; f < total; f++) {
      ByteBuffer frame;
      try {
        frame = inFlight.removeFirst().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        inFlight.forEach(fut -> fut.cancel(true));
        Throwable cause = e.getCause();
        throw new RenderException("frame " + f + ": " + message(cause), cause);
      } catch (TimeoutException e) {
        inFlight.forEach(fut -> fut.cancel(true));
        throw new RenderException("render timed out after " + timeout.map(Duration::toString).orElse("?") + " at frame " + f + " of " + total);
      }
      if (System.nanoTime() > deadline) {
        throw new RenderException("render timed out after " + timeout.map(Duration::toString).orElse("?") + " at frame " + f + " of " + total);
      }
      // The buffer goes back, and the next frame starts composing, while this one is encoded.
      writer.writeFrame(frame, () -> {
        engine.recycle(frame);
        if (next[0] < total) inFlight.add(engine.submitNow(next[0]++));
      });
      compositor.releaseBefore(f + 1);
      if (Thread.interrupted()) throw new InterruptedException();
      double elapsed = (System.nanoTime() - started) / 1e9;
      double fps = (f + 1) / Math.max(elapsed, 1e-3);
      progress.onProgress(new RenderProgress(f + 1, total, fps, (total - f - 1) / fps));
    }
  }

  private static dev.smelter.video.render.media.VideoFrameReader openVideo(
      dev.smelter.video.render.compose.VideoSourceFactory.Request r) throws IOException {
    return FfmpegVideoReader.open(r.path(), r.cutFrom(), r.cutTo(), r.speed(), r.fps(), r.boxWidth(), r.boxHeight(), r.fit());
  }

  private static PcmStream openAudio(dev.smelter.video.plan.AudioPlan audio) {
    try {
      return AudioChain.open(audio);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path temporaryBeside(Path target) {
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot) : "";
    return target.resolveSibling("." + name + ".partial-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ext);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the temporary name makes a leftover easy to recognise
    }
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.io.UncheckedIOException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
