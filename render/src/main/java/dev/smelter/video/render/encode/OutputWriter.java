package dev.smelter.video.render.encode;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.render.audio.PcmStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Encodes the rendered frames (and the mixed audio) into the output file.
 *
 * <p>Use: {@link #open}, {@link #writeFrame} once per frame in order from one thread,
 * {@link #finish} when all frames are written, and always {@link #close}. A writer that failed or
 * was closed without {@code finish} leaves an incomplete file for the caller to delete.
 */
public sealed interface OutputWriter extends AutoCloseable permits Mp4Writer, GifWriter {

  /**
   * Opens a writer for {@code spec}'s format, writing to {@code file} (not {@code spec.path()}, so
   * the caller can write to a temporary file and rename it).
   *
   * @param audio the mixed audio, pulled while frames are written; ignored for GIF; the caller keeps
   *     ownership and closes it
   */
  static OutputWriter open(Path file, OutputSpec spec, Optional<PcmStream> audio) throws IOException {
    return open(file, spec, audio, FrameLayout.RGBA);
  }

  /** As {@link #open(Path, OutputSpec, Optional)}, for frames in {@code layout}'s byte order. */
  static OutputWriter open(Path file, OutputSpec spec, Optional<PcmStream> audio, FrameLayout layout) throws IOException {
    return switch (spec.format()) {
      case MP4 -> Mp4Writer.open(file, spec, audio, layout);
      case GIF -> GifWriter.open(file, spec, layout);
    };
  }

  /** FFmpeg's name of the video encoder in use, e.g. {@code libx264}, for the job record. */
  String encoderName();

  /**
   * Encodes one frame: {@code width·height·4} bytes of RGBA (or the layout given to {@code open})
   * from index 0 of {@code rgba} (alpha is ignored). A direct buffer is read in place without copying.
   */
  void writeFrame(ByteBuffer rgba) throws IOException;

  /**
   * As {@link #writeFrame(ByteBuffer)}, but runs {@code read} as soon as the pixels have been
   * converted, before the (much longer) encoding: the caller may refill the buffer meanwhile.
   */
  default void writeFrame(ByteBuffer rgba, Runnable read) throws IOException {
    writeFrame(rgba);
    read.run();
  }

  /** Flushes the encoders, writes the rest of the audio and completes the file. */
  void finish() throws IOException;

  /** Releases every native resource; safe to call more than once. */
  @Override
  void close();
}
