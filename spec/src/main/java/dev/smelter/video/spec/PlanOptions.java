package dev.smelter.video.spec;

import dev.smelter.video.plan.AudioPlan;
import java.nio.file.Path;
import java.util.List;
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
 * @param serverOutputArgs the service's encoder arguments, applied before the spec's
 *     {@code customOutputArgs} (which win); problems in them are named {@code server-args[i]}
 * @param silentAudioTrack write a silent AAC track where Editly writes no audio stream (no
 *     {@code keepSourceAudio} and no track, or only silent clips), for players that need one
 * @param limits what one spec may ask for (size, frame rate, length, text, …)
 */
public record PlanOptions(OptionalLong seed, Path baseDir, AudioPlan.Timing audioTiming, Path defaultOutPath, RemoteMedia remoteMedia,
    List<String> serverOutputArgs, boolean silentAudioTrack, SpecLimits limits) {
  public PlanOptions {
    serverOutputArgs = List.copyOf(serverOutputArgs);
  }

  public PlanOptions(OptionalLong seed, Path baseDir, AudioPlan.Timing audioTiming, Path defaultOutPath, RemoteMedia remoteMedia) {
    this(seed, baseDir, audioTiming, defaultOutPath, remoteMedia, List.of(), false, SpecLimits.DEFAULTS);
  }

  public static PlanOptions defaults() {
    Path cwd = Path.of("").toAbsolutePath();
    return new PlanOptions(OptionalLong.empty(), cwd, AudioPlan.Timing.STRETCH, cwd.resolve("editly-out.mp4"), RemoteMedia.NONE);
  }

  public PlanOptions withLimits(SpecLimits l) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remoteMedia, serverOutputArgs, silentAudioTrack, l);
  }

  public PlanOptions withServerOutputArgs(List<String> args) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remoteMedia, args, silentAudioTrack, limits);
  }

  public PlanOptions withSilentAudioTrack(boolean silent) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remoteMedia, serverOutputArgs, silent, limits);
  }

  public PlanOptions withDefaultOutPath(Path out) {
    return new PlanOptions(seed, baseDir, audioTiming, out, remoteMedia, serverOutputArgs, silentAudioTrack, limits);
  }

  public PlanOptions withRemoteMedia(RemoteMedia remote) {
    return new PlanOptions(seed, baseDir, audioTiming, defaultOutPath, remote, serverOutputArgs, silentAudioTrack, limits);
  }

  public PlanOptions withSeed(long s) {
    return new PlanOptions(OptionalLong.of(s), baseDir, audioTiming, defaultOutPath, remoteMedia, serverOutputArgs, silentAudioTrack, limits);
  }

  public PlanOptions withBaseDir(Path dir) {
    return new PlanOptions(seed, dir, audioTiming, defaultOutPath, remoteMedia, serverOutputArgs, silentAudioTrack, limits);
  }

  public PlanOptions withAudioTiming(AudioPlan.Timing timing) {
    return new PlanOptions(seed, baseDir, timing, defaultOutPath, remoteMedia, serverOutputArgs, silentAudioTrack, limits);
  }
}
