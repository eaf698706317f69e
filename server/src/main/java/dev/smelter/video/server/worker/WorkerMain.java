package dev.smelter.video.server.worker;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.GpuMode;
import dev.smelter.video.render.RenderEngine;
import dev.smelter.video.render.RenderException;
import dev.smelter.video.render.RenderProgress;
import dev.smelter.video.render.RenderResult;
import dev.smelter.video.render.Renderer;
import dev.smelter.video.server.intake.AudioTimings;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.SpecException;
import dev.smelter.video.spec.SpecLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The render worker process: {@code WorkerMain SPEC_FILE BASE_DIR GPU THREADS SEED [AUDIO_TIMING]}. Renders in its own
 * JVM so a crash, a native fault or a runaway render costs only its job. Speaks the line protocol of
 * {@link WorkerProtocol} on stdout; exit 0 done, 2 the spec cannot be rendered, 1 render failure.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // library chatter must not corrupt the protocol
    exitWhenParentGoes();
    System.exit(run(args, out));
  }

  /**
   * The server holds our stdin open; end of input means it died (even by {@code kill -9}), and an
   * orphaned render would only compete with the job's re-run after the restart.
   */
  private static void exitWhenParentGoes() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // nothing is ever sent; just wait for the end
        }
      } catch (IOException e) {
        // same as end of input
      }
      Runtime.getRuntime().halt(3);
    }, "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  static int run(String[] args, PrintStream out) {
    Path specFile = Path.of(args[0]);
    Path baseDir = Path.of(args[1]);
    GpuMode gpu = GpuMode.valueOf(args[2].toUpperCase(Locale.ROOT));
    int threads = Integer.parseInt(args[3]);
    long seed = Long.parseLong(args[4]);
    AudioPlan.Timing timing = args.length > 5 ? AudioTimings.parse(args[5]).orElse(AudioPlan.Timing.STRETCH) : AudioPlan.Timing.STRETCH;
    boolean silentAudioTrack = args.length > 6 && Boolean.parseBoolean(args[6]);
    RenderEngine engine = new RenderEngine();
    RenderPlan plan;
    try {
      String text = Files.readString(specFile);
      // The API's intake held the spec against the configured limits (which may exceed the defaults).
      plan = engine.plan(text, PlanOptions.defaults().withBaseDir(baseDir).withSeed(seed).withAudioTiming(timing)
          .withSilentAudioTrack(silentAudioTrack).withLimits(SpecLimits.NONE));
    } catch (SpecException e) {
      out.println(WorkerProtocol.problems(e.problems()));
      return 2;
    } catch (IOException e) {
      out.println(WorkerProtocol.error("cannot read the job spec: " + e.getMessage()));
      return 1;
    }
    try {
      RenderResult r = engine.render(plan, new Renderer.Options(gpu, threads, new ThrottledProgress(out)));
      out.println(WorkerProtocol.result(r));
      return 0;
    } catch (RenderException e) {
      out.println(WorkerProtocol.error(e.getMessage()));
      return 1;
    }
  }

  /** At most five progress lines a second, and always the last frame. */
  private static final class ThrottledProgress implements RenderProgress.Listener {
    private final PrintStream out;
    private long lastNanos;

    ThrottledProgress(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void onProgress(RenderProgress p) {
      long now = System.nanoTime();
      if (p.framesDone() < p.totalFrames() && now - lastNanos < 200_000_000L) return;
      lastNanos = now;
      out.println(WorkerProtocol.progress(p));
    }
  }
}
