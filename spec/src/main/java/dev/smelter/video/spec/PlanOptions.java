package dev.smelter.video.spec;

import dev.smelter.video.plan.AudioPlan;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How a spec is turned into a plan, beyond the spec itself.
 *
 * @param seed seed for every random choice; empty = draw one (it is recorded in the plan)
 * @param baseDir where relative paths resolve: Editly uses the working directory; the CLI can
 *     choose the spec file's folder instead
 * @param audioTiming Editly's {@code STRETCH} (default) or {@code PAD} (narration at normal speed)
 * @param defaultOutPath used when the spec has no {@code outPath} (Editly's CLI: editly-out.mp4)
 * @param remoteMedia how {@code http(s)} paths become local files when the spec allows remote
 *     requests; {@link RemoteMedia#NONE} reports them as problems
 * @param limits what one spec may ask for (size, frame rate, length, text, …)
 */
public record PlanOptions(OptionalLong seed, Path baseDir, AudioPlan.Timing audioTiming, Path defaultOutPath, RemoteMedia remoteMedia,
    SpecLimits limits) {
  public PlanOptions(OptionalLong seed, Path baseDir, AudioPlan.Timing audioTiming, Path defaultOutPath, RemoteMedia remoteMedia) {
    this(seed, baseDir, audioTiming, defaultOutPath, remoteMedia, SpecLimits.DEFAULTS);
  }

  public static PlanOptions defaults() {
    Path cwd = Path.of("").toAbsolutePath();
    return new PlanOptions(OptionalLong.empty(), cwd, AudioPlan.Timing.STRETCH, cwd.resolve("editly-out.mp4"), RemoteMedia.NONE);
  }

  public PlanOptions withLimits(SpecLimits l) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remoteMedia, l);
  }

  public PlanOptions withDefaultOutPath(Path out) {
    return new PlanOptions(seed, baseDir, audioTiming, out, remoteMedia, limits);
  }

  public PlanOptions withRemoteMedia(RemoteMedia remote) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remote, limits);
  }

  public PlanOptions withSeed(long s) {
    return new PlanOptions(OptionalLong.of(s), baseDir, audioTiming, defaultOutPath, remoteMedia, limits);
  }

  public PlanOptions withBaseDir(Path dir) {
    return new PlanOptions(seed, dir, audioTiming, defaultOutPath, remoteMedia, limits);
  }

  public PlanOptions withAudioTiming(AudioPlan.Timing timing) {
    return new PlanOptions(seed, baseDir, timing, defaultOutPath, remoteMedia, limits);
  }
}
