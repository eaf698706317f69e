package dev.smelter.video.render.audio;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Decoded audio pulled frame by frame into a graph's buffer source. */
interface FrameSource extends AutoCloseable {
  /**
   * The next frame, with {@code pts} counted in samples; it stays owned by the source and is
   * valid until the next call.
   *
   * @return the frame, or {@code null} at the end
   */
  AVFrame next() throws IOException;

  @Override
  void close();
}
