package dev.smelter.video.server.worker;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.server.intake.AudioTimings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One render in a child JVM ({@link WorkerMain}) started from this JVM's own class path. Its stderr
 * goes to {@code worker.log} in the job folder; stdout carries the protocol.
 */
public final class WorkerProcess {
  /**
   * How the child is started: the java binary, its options, the class path, the main class
   * ({@link WorkerMain}; a test may name a stand-in that speaks the same protocol), and the render
   * settings it takes ({@code silentAudioTrack}: smelter.encoding.silent-audio-track), and the
   * environment variables it gets unless the service's environment sets them ({@code environment}).
   */
  public record Launch(Path java, List<String> javaOptions, String classPath, String gpu, int threads, boolean silentAudioTrack,
      String mainClass, Map<String, String> environment) {
    public Launch {
      javaOptions = List.copyOf(javaOptions);
      environment = Map.copyOf(environment);
    }

    /**
     * This JVM's java and class path, with the JVM and glibc settings of the launcher (deploy/jvm.env,
     * {@link JvmSettings}) and then {@code extraOptions} (smelter.worker.java-options), which win.
     */
    public static Launch current(List<String> extraOptions, String gpu, int threads) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      JvmSettings settings = JvmSettings.packaged();
      List<String> options = new ArrayList<>(settings.javaOptions());
      options.addAll(settings.processOptions());
      options.add("-Djava.awt.headless=true");
      options.addAll(extraOptions);
      return new Launch(java, options, System.getProperty("java.class.path"), gpu, threads, false, WorkerMain.class.getName(),
          settings.glibc());
    }

    public Launch withSilentAudioTrack(boolean silent) {
      return new Launch(java, javaOptions, classPath, gpu, threads, silent, mainClass, environment);
    }

    public Launch withMainClass(String name) {
      return new Launch(java, javaOptions, classPath, gpu, threads, silentAudioTrack, name, environment);
    }
  }

  private final Launch launch;
  private final AtomicReference<Process> running = new AtomicReference<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public WorkerProcess(Launch launch) {
    this.launch = launch;
  }

  /**
   * Runs the worker to the end. {@code seed} fixes random choices, so a retry renders the same video. {@code timeout} bounds the whole render, {@code stall} the time
   * without a protocol line; either kills the child (and its children).
   */
  public WorkerOutcome run(Path specFile, Path jobDir, long seed, Duration timeout, Duration stall,
      Consumer<WorkerProtocol.ProgressLine> onProgress) throws InterruptedException {
    return run(specFile, jobDir, Optional.empty(), seed, AudioPlan.Timing.STRETCH, timeout, stall, onProgress);
  }

  /**
   * As above, with the job's narration timing ({@code audioTiming}); {@code output} is the spec's
   * {@code outPath}: when the child does not end cleanly, the renderer's temporary file for it (which
   * a dead process cannot remove) is deleted. Only that one: fleet workers sharing a data folder share
   * the job folder, and another attempt's file is not ours.
   */
  public WorkerOutcome run(Path specFile, Path jobDir, Optional<Path> output, long seed, AudioPlan.Timing timing, Duration timeout,
      Duration stall,
      Consumer<WorkerProtocol.ProgressLine> onProgress) throws InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(launch.java().toString());
    cmd.addAll(launch.javaOptions());
    // The JVM's fatal-error report goes to the job folder (not the service's working directory),
    // where run() reads and removes it.
    cmd.add("-XX:ErrorFile=" + jobDir.toAbsolutePath().resolve(NativeCrash.REPORT_PATTERN));
    cmd.addAll(List.of("-cp", launch.classPath(), launch.mainClass(), specFile.toString(), jobDir.toString(),
        launch.gpu(), Integer.toString(launch.threads()), Long.toString(seed), AudioTimings.wire(timing),
        Boolean.toString(launch.silentAudioTrack())));
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(jobDir.toFile())
          .redirectError(ProcessBuilder.Redirect.appendTo(jobDir.resolve("worker.log").toFile()));
      // A render's memory is mostly native: the same glibc settings as the smelter-video launcher
      // (docs/performance.md, "Memory"); an operator's own values win.
      launch.environment().forEach(pb.environment()::putIfAbsent);
      p = pb.start();
    } catch (IOException e) {
      return new WorkerOutcome.Failed("cannot start a worker process: " + e.getMessage(), true);
    }
    running.set(p);
    if (cancelled.get()) kill(p);
    AtomicLong lastLine = new AtomicLong(System.nanoTime());
    AtomicReference<WorkerProtocol.Message> last = new AtomicReference<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lastLine.set(System.nanoTime());
          Optional<WorkerProtocol.Message> m = WorkerProtocol.parse(line);
          if (m.isEmpty()) continue;
          if (m.get() instanceof WorkerProtocol.ProgressLine pl) onProgress.accept(pl); else last.set(m.get());
        }
      } catch (IOException closed) {
        // the process died; its exit code tells the story
      }
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    String killedFor = null;
    while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
      long now = System.nanoTime();
      if (now > deadline) killedFor = "the render timed out after " + timeout.toSeconds() + " s";
      else if (now - lastLine.get() > stall.toNanos()) killedFor = "the render stalled (no progress for " + stall.toSeconds() + " s)";
      if (killedFor != null) {
        kill(p);
        p.waitFor(10, TimeUnit.SECONDS);
        break;
      }
    }
    reader.join(Duration.ofSeconds(10));
    running.set(null);
    // A JVM that died of a fatal error (a native crash in Skia or FFmpeg, say) leaves its report and
    // the partial output of the render behind: both go, the report's summary stays in worker.log.
    Optional<NativeCrash> crash = NativeCrash.collect(jobDir.resolve(NativeCrash.REPORT_PATTERN.replace("%p", Long.toString(p.pid()))),
        jobDir.resolve("worker.log"));
    int code = p.isAlive() ? -1 : p.exitValue(); // -1: killed, and not yet gone after 10 s
    if (crash.isPresent() || code != 0) output.ifPresent(NativeCrash::deletePartialOutputs);
    if (cancelled.get()) return new WorkerOutcome.Cancelled();
    if (killedFor != null) return new WorkerOutcome.Failed(killedFor, true);
    // Renders are deterministic (the seed comes from the job id): the same spec would crash the same
    // way, so a crash is not retried; it fails the job with what crashed (docs/service.md).
    if (crash.isPresent()) return new WorkerOutcome.Failed(crash.get().message(), false);
    if (code > 128 && last.get() == null) {
      return new WorkerOutcome.Failed("the render process was killed by signal " + (code - 128) + " (" + NativeCrash.signalName(code - 128)
          + (code - 128 == 9 ? "; out of memory?" : "") + ", see worker.log)", true);
    }
    return switch (last.get()) {
      case WorkerProtocol.ResultLine r when code == 0 -> new WorkerOutcome.Rendered(r);
      case WorkerProtocol.ProblemsLine pr -> new WorkerOutcome.Rejected(pr.problems());
      case WorkerProtocol.ErrorLine e -> new WorkerOutcome.Failed(e.message(), false);
      case null, default -> new WorkerOutcome.Failed("the worker process exited with code " + code + " (see worker.log)", true);
    };
  }

  /** Kills the running render, if any; {@link #run} then answers {@link WorkerOutcome.Cancelled}. */
  public void cancel() {
    cancelled.set(true);
    Process p = running.get();
    if (p != null) kill(p);
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }
}
