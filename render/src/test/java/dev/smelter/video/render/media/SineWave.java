package dev.smelter.video.render.media;

import dev.smelter.video.render.audio.PcmStream;

/**
 * A sine tone of fixed length as a {@link PcmStream}, delivered in odd-sized chunks (so consumers
 * must handle partial reads), counting what it handed out.
 */
public final class SineWave implements PcmStream {
  private final int sampleRate;
  private final int channels;
  private final long totalFrames;
  private final double frequency;
  private final float amplitude;
  private final int maxChunk;
  private long delivered;
  private boolean closed;

  public SineWave(int sampleRate, int channels, double seconds, double frequency, float amplitude) {
    this(sampleRate, channels, Math.round(seconds * sampleRate), frequency, amplitude, 700);
  }

  public SineWave(int sampleRate, int channels, long totalFrames, double frequency, float amplitude, int maxChunk) {
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.totalFrames = totalFrames;
    this.frequency = frequency;
    this.amplitude = amplitude;
    this.maxChunk = maxChunk;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int read(float[] dst) {
    if (delivered >= totalFrames) return -1;
    int frames = (int) Math.min(Math.min(dst.length / channels, maxChunk), totalFrames - delivered);
    for (int i = 0; i < frames; i++) {
      float value = (float) (amplitude * Math.sin(2 * Math.PI * frequency * (delivered + i) / sampleRate));
      for (int c = 0; c < channels; c++) dst[i * channels + c] = value;
    }
    delivered += frames;
    return frames;
  }

  /** Sample frames handed out so far. */
  public long delivered() {
    return delivered;
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
