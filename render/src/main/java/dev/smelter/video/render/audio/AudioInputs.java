package dev.smelter.video.render.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The audio files of one render: probed once each (a file used by many clips is read for its
 * format only once), opened on demand, and counted while open.
 */
final class AudioInputs {
  private final Map<Path, DecodedFormat> formats = new HashMap<>();
  private int open;
  private int peakOpen;

  /**
   * The format the file decodes to; fails now, naming {@code at}, if it cannot be read.
   *
   * @param at the spec's JSON path of the entry using the file
   */
  DecodedFormat probe(String at, Path path) throws IOException {
    DecodedFormat known = formats.get(path);
    if (known != null) {
      return known;
    }
    DecodedFormat format;
    try (AudioFileDecoder probe = AudioFileDecoder.open(at, path, 0, false)) {
      format = probe.format();
    }
    formats.put(path, format);
    return format;
  }

  /** Opens a decoder; see {@link AudioFileDecoder#open}. */
  FrameSource open(String at, Path path, double seekSeconds, boolean loop) throws IOException {
    AudioFileDecoder decoder = AudioFileDecoder.open(at, path, seekSeconds, loop);
    open++;
    peakOpen = Math.max(peakOpen, open);
    return new FrameSource() {
      private boolean closed;

      @Override
      public AVFrame next() throws IOException {
        return decoder.next();
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          open--;
          decoder.close();
        }
      }
    };
  }

  /** The most files that were open at once: how much of the timeline is held at a time. */
  int peakOpen() {
    return peakOpen;
  }
}
