package dev.smelter.video.render.audio;

import java.util.Arrays;

/** Everything a PcmStream produced (tests only: tiny durations), with level measurements. */
record Capture(int sampleRate, int channels, float[] interleaved) {

  static Capture of(PcmStream stream) {
    float[] all = new float[0];
    int frames = 0;
    float[] chunk = new float[1024 * stream.channels()];
    int read;
    while ((read = stream.read(chunk)) >= 0) {
      int needed = (frames + read) * stream.channels();
      if (needed > all.length) {
        all = Arrays.copyOf(all, Math.max(needed, all.length * 2));
      }
      System.arraycopy(chunk, 0, all, frames * stream.channels(), read * stream.channels());
      frames += read;
    }
    return new Capture(stream.sampleRate(), stream.channels(), Arrays.copyOf(all, frames * stream.channels()));
  }

  int frames() {
    return interleaved.length / channels;
  }

  double seconds() {
    return (double) frames() / sampleRate;
  }

  /** RMS of all channels over [from, to) seconds, in dBFS (full scale = 1.0). */
  double rmsDb(double from, double to) {
    int start = (int) Math.round(from * sampleRate) * channels;
    int end = Math.min(interleaved.length, (int) Math.round(to * sampleRate) * channels);
    double sum = 0;
    for (int i = start; i < end; i++) {
      sum += (double) interleaved[i] * interleaved[i];
    }
    double rms = Math.sqrt(sum / Math.max(1, end - start));
    return 20 * Math.log10(Math.max(rms, 1e-10));
  }

  /** Time of the first sample louder than {@code threshold}, or -1. */
  double onset(double threshold) {
    for (int i = 0; i < interleaved.length; i++) {
      if (Math.abs(interleaved[i]) > threshold) {
        return (double) (i / channels) / sampleRate;
      }
    }
    return -1;
  }

  /** Time just after the last sample louder than {@code threshold}, or -1. */
  double end(double threshold) {
    for (int i = interleaved.length - 1; i >= 0; i--) {
      if (Math.abs(interleaved[i]) > threshold) {
        return (double) (i / channels + 1) / sampleRate;
      }
    }
    return -1;
  }

  /** dBFS RMS of a sine of peak {@code amplitude}. */
  static double sineDb(double amplitude) {
    return 20 * Math.log10(amplitude / Math.sqrt(2));
  }
}
