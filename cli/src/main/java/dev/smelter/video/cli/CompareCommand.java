package dev.smelter.video.cli;

import dev.smelter.video.render.quality.VideoComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smelter-video compare A B}: frame counts, durations, SSIM and audio levels of A against
 * reference B.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare a video with a reference: frame counts, durations, mean/min SSIM (luma), audio RMS level (dBFS).")
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VIDEO") Path candidate;

  @Parameters(index = "1", paramLabel = "REFERENCE") Path reference;

  @Option(names = "--step", defaultValue = "1", description = "Compare every N-th frame (default: ${DEFAULT-VALUE}).")
  int step;

  @Option(names = "--json", description = "Print JSON.") boolean json;

  @Override
  public Integer call() {
    try {
      VideoComparison.Result r = VideoComparison.compare(candidate, reference, Math.max(1, step));
      if (json) {
        System.out.printf(java.util.Locale.ROOT,
            "{\"frames\":%d,\"referenceFrames\":%d,\"duration\":%.4f,\"referenceDuration\":%.4f,\"audioDuration\":%.4f,"
                + "\"referenceAudioDuration\":%.4f,\"meanSsim\":%.4f,\"minSsim\":%.4f,\"minSsimFrame\":%d,\"sampled\":%d,"
                + "\"audioRmsDb\":%s,\"referenceAudioRmsDb\":%s,\"audioLevelDifferenceDb\":%s}%n",
            r.frames(), r.referenceFrames(), r.duration(), r.referenceDuration(), r.audioDuration(), r.referenceAudioDuration(),
            r.meanSsim(), r.minSsim(), r.minSsimFrame(), r.sampled(),
            json(r.audioRmsDb()), json(r.referenceAudioRmsDb()), json(r.audioLevelDifferenceDb()));
      } else {
        System.out.printf(java.util.Locale.ROOT, "frames %d vs %d, video %.3f s vs %.3f s, audio %.3f s vs %.3f s, SSIM mean %.4f min %.4f (frame %d, %d sampled)%n",
            r.frames(), r.referenceFrames(), r.duration(), r.referenceDuration(), r.audioDuration(), r.referenceAudioDuration(),
            r.meanSsim(), r.minSsim(), r.minSsimFrame(), r.sampled());
        System.out.printf(java.util.Locale.ROOT, "audio level %s vs %s dBFS (difference %s dB)%n",
            text(r.audioRmsDb()), text(r.referenceAudioRmsDb()), text(r.audioLevelDifferenceDb()));
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("smelter-video: " + e.getMessage());
      return 1;
    }
  }

  private static String json(OptionalDouble value) {
    return value.isPresent() ? String.format(java.util.Locale.ROOT, "%.3f", value.getAsDouble()) : "null";
  }

  private static String text(OptionalDouble value) {
    return value.isPresent() ? String.format(java.util.Locale.ROOT, "%.2f", value.getAsDouble()) : "none";
  }
}
