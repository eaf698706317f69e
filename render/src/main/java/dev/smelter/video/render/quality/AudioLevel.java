package dev.smelter.video.render.quality;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.render.audio.AudioChain;
import dev.smelter.video.render.audio.PcmStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The RMS level of a file's audio track in dB relative to full scale, over all samples of all
 * channels. Decoded through the project's own {@link AudioChain} with a one-source plan (no system
 * ffmpeg), so it reads whatever the renderer can read.
 */
public final class AudioLevel {
  /** Below this a track counts as digital silence rather than a number of decibels. */
  private static final double FLOOR_DB = -200;

  private AudioLevel() {}

  /** @param duration the track's length in seconds (decoding stops there) */
  public static OptionalDouble rmsDb(Path media, double duration) throws IOException {
    if (!(duration > 0)) return OptionalDouble.empty();
    AudioPlan plan = new AudioPlan(
        List.of(new AudioPlan.ClipAudio(0, duration, List.of(new AudioPlan.Source("level", media, 0, duration, 1, 1)))),
        List.of(), List.of(), 1, Optional.empty(), Optional.empty(), duration);
    double sum = 0;
    long count = 0;
    try (PcmStream pcm = AudioChain.open(plan)) {
      float[] buffer = new float[4096 * pcm.channels()];
      int frames;
      while ((frames = pcm.read(buffer)) > 0) {
        for (int i = 0; i < frames * pcm.channels(); i++) sum += (double) buffer[i] * buffer[i];
        count += (long) frames * pcm.channels();
      }
    }
    if (count == 0) return OptionalDouble.empty();
    return OptionalDouble.of(Math.max(FLOOR_DB, 10 * Math.log10(sum / count)));
  }
}
