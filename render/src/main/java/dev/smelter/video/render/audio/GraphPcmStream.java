package dev.smelter.video.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/** Interleaved float samples pulled from the output graph, one frame in flight. */
final class GraphPcmStream implements PcmStream {
  private final GraphPump pump;
  private final AudioInputs inputs;
  private final int sampleRate;
  private final int channels;
  private AVFrame frame;
  private int frameOffset;
  private int frameLength;
  private boolean ended;

  /** Takes ownership of {@code pump}, whose sink yields packed float. */
  GraphPcmStream(GraphPump pump, AudioInputs inputs) {
    this.pump = pump;
    this.inputs = inputs;
    this.sampleRate = pump.sampleRate();
    this.channels = pump.channels();
    this.frame = av_frame_alloc();
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public int channels() {
    return channels;
  }

  /** The most input files that were open at once so far. */
  int peakOpenFiles() {
    return inputs.peakOpen();
  }

  @Override
  public int read(float[] dst) {
    if (frame == null) {
      throw new IllegalStateException("stream closed");
    }
    int capacity = dst.length / channels;
    int written = 0;
    while (written < capacity) {
      if (frameOffset == frameLength && !pullFrame()) {
        break;
      }
      int count = Math.min(capacity - written, frameLength - frameOffset);
      new FloatPointer(frame.data(0))
          .position((long) frameOffset * channels)
          .get(dst, written * channels, count * channels);
      frameOffset += count;
      written += count;
    }
    return written == 0 && ended && capacity > 0 ? -1 : written;
  }

  private boolean pullFrame() {
    av_frame_unref(frame);
    frameOffset = 0;
    frameLength = 0;
    if (ended) {
      return false;
    }
    try {
      if (pump.pull(frame)) {
        frameLength = frame.nb_samples();
        return true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ended = true;
    return false;
  }

  @Override
  public void close() {
    if (frame != null) {
      av_frame_free(frame);
      frame = null;
      pump.close();
    }
  }
}
