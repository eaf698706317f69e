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
 */
public record PlanOptions(OptionalLong seed, Path baseDir, AudioPlan.Timing audioTiming, Path defaultOutPath, RemoteMedia remoteMedia) {
  public static PlanOptions defaults() {
    Path cwd = Path.of("").toAbsolutePath();
    return new PlanOptions(OptionalLong.empty(), cwd, AudioPlan.Timing.STRETCH, cwd.resolve("editly-out.mp4"), RemoteMedia.NONE);
  }

  public PlanOptions withRemoteMedia(RemoteMedia remote) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remote);
  }

  public PlanOptions withSeed(long s) {
    return new PlanOptions(OptionalLong.of(s), baseDir, audioTiming, defaultOutPath, remoteMedia);
  }

  public PlanOptions withBaseDir(Path dir) {
    return new PlanOptions(seed, dir, audioTiming, defaultOutPath, remoteMedia);
  }

  public PlanOptions withAudioTiming(AudioPlan.Timing timing) {
    return new PlanOptions(seed, baseDir, timing, defaultOutPath, remoteMedia);
  }
}
