package dev.smelter.video.render;

import dev.smelter.video.plan.MediaProbe;
import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.compose.FrameCompositor;
import dev.smelter.video.render.encode.OutputOptions;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.SpecException;
import dev.smelter.video.spec.SpecReader;
import dev.smelter.video.spec.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The render module's front door: plan → check → render. {@link #plan} turns a spec into a plan
 * that this build can render (every problem, with its JSON path, in one {@link SpecException}, before
 * a frame is drawn), and {@link #render} writes it. The CLI's {@code render} command, the worker
 * process and the service's intake all go through here, so they accept and refuse the same specs.
 */
public final class RenderEngine {
  private final MediaProbe probe;

  /** Media facts (a video's size and length, whether a file has sound) read with FFmpeg. */
  public RenderEngine() {
    this(new FfmpegProbe());
  }

  /** With another source of media facts (tests, or a service that caches them). */
  public RenderEngine(MediaProbe probe) {
    this.probe = probe;
  }

  /** The FFmpeg-backed {@link MediaProbe}, for planning without rendering (benchmarks, comparisons). */
  public static MediaProbe ffmpegProbe() {
    return new FfmpegProbe();
  }

  /** {@link #plan(JsonValue, PlanOptions, Optional)} of spec text (JSON or JSON5). */
  public RenderPlan plan(String spec, PlanOptions options) throws SpecException {
    return plan(SpecReader.parse(spec), options, Optional.empty());
  }

  /** {@link #plan(JsonValue, PlanOptions, Optional)} with the spec's own encoder. */
  public RenderPlan plan(JsonValue spec, PlanOptions options) throws SpecException {
    return plan(spec, options, Optional.empty());
  }

  /**
   * Plans {@code spec} and checks that this build can render it: shader layers (GL opens, the GLSL
   * compiles: a context is started briefly, only when there are any) and the output options against
   * the encoder that will take them. The plan carries the checks' warnings.
   *
   * @param encoder an H.264 encoder forced over the spec's choice (the CLI's {@code --encoder});
   *     its options are checked against that encoder
   * @throws SpecException every problem found, with JSON paths: the spec is bad input
   */
  public RenderPlan plan(JsonValue spec, PlanOptions options, Optional<String> encoder) throws SpecException {
    RenderPlan plan = new Planner(options, probe).plan(spec);
    List<Problem> unsupported = FrameCompositor.unsupported(plan);
    if (!unsupported.isEmpty()) throw new SpecException(unsupported);
    if (encoder.isPresent()) plan = plan.withOutput(plan.output().withEncode(plan.output().encode().withEncoder(encoder.get())));
    return OutputOptions.checked(plan);
  }

  /**
   * Renders a plan from {@link #plan}. Cancel by interrupting the calling thread: the render stops
   * within a frame; as on any failure, no output file is left.
   */
  public RenderResult render(RenderPlan plan, Renderer.Options options) throws RenderException {
    return Renderer.render(plan, options);
  }

  /** Errors (the output cannot be written as asked) and warnings (options that will be ignored). */
  public record OutputCheck(List<Problem> errors, List<String> warnings) {}

  /**
   * Checks encoder options outside a spec (an operator's setting): the same reading and libav checks
   * as a spec's {@code customOutputArgs}; {@code argsPath} names the arguments when no single one is to blame.
   */
  public static OutputCheck checkOutput(OutputSpec output, boolean hasAudio, String argsPath) {
    OutputOptions.Check check = OutputOptions.check(output, hasAudio, argsPath);
    return new OutputCheck(check.errors(), check.warnings());
  }
}
