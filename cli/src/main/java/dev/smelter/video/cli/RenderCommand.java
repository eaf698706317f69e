package dev.smelter.video.cli;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.Capabilities;
import dev.smelter.video.render.GpuMode;
import dev.smelter.video.render.RenderEngine;
import dev.smelter.video.render.RenderException;
import dev.smelter.video.render.RenderResult;
import dev.smelter.video.render.Renderer;
import dev.smelter.video.spec.EncodeSettingsResolver;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.SpecException;
import dev.smelter.video.spec.SpecLimits;
import dev.smelter.video.spec.SpecReader;
import dev.smelter.video.spec.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smelter-video render SPEC}: exit 0 on success, 2 on bad input, 1 when rendering fails. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Render an Editly JSON/JSON5 spec to MP4 (or GIF).")
final class RenderCommand implements Callable<Integer> {
  enum Paths { CWD, SPEC }

  enum Timing { STRETCH, PAD }

  @Parameters(index = "0", paramLabel = "SPEC", description = "Editly spec file (.json or .json5).")
  Path specFile;

  @Option(names = {"--out", "-o"}, paramLabel = "FILE", description = "Output file (overrides outPath).")
  Path out;

  @Option(names = "--seed", description = "Seed for random transitions and colours (default: drawn and reported).")
  Long seed;

  @Option(names = "--gpu", defaultValue = "auto", description = "Compose on the GPU: auto, on (GL, also llvmpipe), off (CPU raster). Default: ${DEFAULT-VALUE}.")
  GpuMode gpu;

  @Option(names = "--encoder", description = "Force an H.264 encoder (libx264, h264_nvenc, h264_qsv, h264_vaapi, h264_vulkan).")
  String encoder;

  @Option(names = "--threads", description = "Frame composition threads (default: CPU cores).")
  Integer threads;

  @Option(names = "--paths", defaultValue = "cwd", description = "Resolve relative paths against the working directory (cwd, Editly's rule) or the spec's folder (spec).")
  Paths paths;

  @Option(names = "--audio-timing", defaultValue = "stretch", description = "Clip audio: stretch to the clip like Editly (stretch), or keep normal speed and pad with silence (pad).")
  Timing audioTiming;

  @Option(names = "--silent-audio-track",
      description = "Write a silent AAC track where Editly writes no audio stream (no clip or track has sound), for players that need one.")
  boolean silentAudioTrack;

  @Option(names = "--exif-orientation", description = "Rotate photos by their EXIF orientation tag (Editly ignores it, so the default does too).")
  boolean exifOrientation;

  @Option(names = "--timeout", description = "Fail the render if it takes longer than this many seconds (no output is left).")
  Long timeoutSeconds;

  @Option(names = "--allow-private-urls",
      description = "With allowRemoteRequests: also fetch from loopback, private and link-local addresses (refused by default).")
  boolean allowPrivateUrls;

  @Option(names = "--limit", paramLabel = "NAME=VALUE", description = "Change a spec limit (width, height, fps, duration-seconds, frames, "
      + "clips, layers, text-length; defaults in docs/limits.md). Repeatable.")
  java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

  @Option(names = "--json", description = "Print one JSON result instead of text.")
  boolean json;

  @Mixin EditlyFlags editly = new EditlyFlags();

  @Override
  public Integer call() {
    try (RemoteDownloads remote = new RemoteDownloads(allowPrivateUrls)) {
      return call(remote);
    }
  }

  private Integer call(RemoteDownloads remote) {
    PrintStream err = System.err;
    String text;
    try {
      text = Files.readString(specFile);
    } catch (IOException e) {
      return fail(2, "cannot read spec " + specFile + ": " + e.getMessage());
    }
    // Flag problems are bad input too, reported together with the spec's.
    List<Problem> problems = new ArrayList<>();
    if (encoder != null && Capabilities.h264Encoder(encoder).isEmpty()) {
      problems.add(new Problem("--encoder", "unsupported encoder \"" + encoder + "\" (supported: "
          + String.join(", ", EncodeSettingsResolver.H264_ENCODERS) + ")"));
    }
    SpecLimits specLimits = SpecLimits.DEFAULTS;
    for (var l : limits.entrySet()) {
      try {
        specLimits = specLimits.with(l.getKey(), l.getValue());
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("--limit", e.getMessage()));
      }
    }
    RenderEngine engine = new RenderEngine();
    RenderPlan plan = null;
    try {
      JsonValue root = editly.applyTo(SpecReader.parse(text), Optional.ofNullable(out).map(Path::toString));
      PlanOptions options = PlanOptions.defaults()
          .withLimits(specLimits)
          .withAudioTiming(audioTiming == Timing.PAD ? AudioPlan.Timing.PAD : AudioPlan.Timing.STRETCH)
          .withRemoteMedia(remote)
          .withSilentAudioTrack(silentAudioTrack);
      if (paths == Paths.SPEC) options = options.withBaseDir(specFile.toAbsolutePath().getParent());
      if (seed != null) options = options.withSeed(seed);
      // A forced encoder is applied only when the flags are sound; the spec's problems are reported either way.
      plan = engine.plan(root, options, Optional.ofNullable(problems.isEmpty() ? encoder : null));
    } catch (SpecException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      if (json) {
        System.out.println(Json.problems(problems));
      } else {
        err.println("smelter-video: " + problems.size() + " problem(s) in the spec or options:");
        for (Problem p : problems) err.println("  " + p);
      }
      return 2;
    }
    if (!json) plan.warnings().forEach(w -> err.println("warning: " + w));

    ProgressBar bar = new ProgressBar(err, !json && ProgressBar.onTerminal());
    Renderer.Options options = new Renderer.Options(gpu, threads == null ? 0 : threads, bar).withRespectExifOrientation(exifOrientation);
    if (timeoutSeconds != null) options = options.withTimeout(java.time.Duration.ofSeconds(timeoutSeconds));
    Thread renderThread = Thread.currentThread();
    Thread onCtrlC = new Thread(() -> { // cancel, and give the render a moment to remove its partial file
      renderThread.interrupt();
      try {
        renderThread.join(5000);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      RenderResult result = engine.render(plan, options);
      bar.done();
      System.out.println(json ? Json.result(result) : describe(result));
      return 0;
    } catch (RenderException e) {
      bar.done();
      return fail(1, "render failed: " + e.getMessage());
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for this thread
      }
    }
  }

  private int fail(int code, String message) {
    if (json) System.out.println(Json.error(message, code)); else System.err.println("smelter-video: " + message);
    return code;
  }

  private static String describe(RenderResult r) {
    return String.format("%s: %d frames, %.3f s, %dx%d @%s, %.1f MB, encoder %s, %s, seed %d, %.1f s wall (%.0f fps)",
        r.output(), r.frames(), r.duration(), r.width(), r.height(), r.fps(), r.sizeBytes() / 1e6, r.encoder(), r.gpu(), r.seed(),
        r.wallMillis() / 1000.0, r.frames() / Math.max(0.001, r.wallMillis() / 1000.0));
  }
}
