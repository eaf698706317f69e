package dev.smelter.video.render.audio;

/**
 * Interleaved float PCM produced by the audio chain and pulled by the encoder while it writes
 * video, so audio never has to be held in memory as a whole.
 */
public interface PcmStream extends AutoCloseable {
  int sampleRate();

  int channels();

  /**
   * Fills {@code dst} with up to {@code dst.length / channels()} frames of interleaved samples.
   *
   * @return frames read, or -1 at the end of the stream
   */
  int read(float[] dst);

  @Override
  void close();
}
