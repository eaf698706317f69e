package dev.smelter.video.render.audio;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_get_nb_failed_requests;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_get_status;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import java.io.IOException;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One {@code abuffer} of a graph and the frames that feed it.
 *
 * <p>The source is opened when the graph first asks for samples and closed as soon as it has
 * delivered its last wanted one, so a long timeline holds only the few inputs around the
 * current crossfade open.
 */
final class SourceFeed implements AutoCloseable {
  /** Opens the frames for this feed when first needed. */
  @FunctionalInterface
  interface Opener {
    FrameSource open() throws IOException;
  }

  private final String name;
  private final DecodedFormat format;
  private final AVFilterContext buffer;
  private final Opener opener;
  private FrameSource source;
  private boolean ended;

  private SourceFeed(String name, DecodedFormat format, AVFilterContext buffer, Opener opener) {
    this.name = name;
    this.format = format;
    this.buffer = buffer;
    this.opener = opener;
  }

  /**
   * Adds a buffer source for frames of {@code format} to {@code graph}.
   *
   * @param name what the frames are (the spec's JSON path and file), quoted in errors
   */
  static SourceFeed add(AudioFilterGraph graph, String name, DecodedFormat format, Opener opener) {
    AVFilterContext buffer =
        graph.add(
            "abuffer",
            "time_base", "1/" + format.sampleRate(),
            "sample_rate", Integer.toString(format.sampleRate()),
            "sample_fmt", av_get_sample_fmt_name(format.sampleFormat()).getString(),
            "channel_layout", format.channelLayout());
    return new SourceFeed(name, format, buffer, opener);
  }

  /** This feed's output as a branch: frames pass through with their own rate and layout. */
  Branch branch() {
    return new Branch(buffer, format.sampleRate(), format.channelLayout());
  }

  /** How often the graph asked for a frame this feed did not have yet. */
  int hunger() {
    return ended ? 0 : av_buffersrc_get_nb_failed_requests(buffer);
  }

  /** Pushes the next frame into the graph, or the end of the stream. */
  void feed() throws IOException {
    if (ended) {
      return;
    }
    if (source == null) {
      source = opener.open();
    }
    AVFrame frame = source.next();
    if (frame == null) {
      ended = true;
      closeSource();
      check(av_buffersrc_add_frame(buffer, null), "cannot end");
      return;
    }
    if (frame.format() != format.sampleFormat()
        || frame.sample_rate() != format.sampleRate()
        || frame.ch_layout().nb_channels() != format.channels()) {
      throw new IOException(name + ": the audio format changes mid-stream (" + format + " at the start), not supported");
    }
    check(av_buffersrc_add_frame_flags(buffer, frame, 0), "the audio graph refused a frame");
  }

  /** Closes the source once everything downstream has stopped wanting this input. */
  void releaseIfUnwanted() {
    if (source != null && av_buffersrc_get_status(buffer) < 0) {
      ended = true;
      closeSource();
    }
  }

  private void check(int result, String what) throws IOException {
    if (result < 0) {
      throw new IOException(name + ": " + what + ": " + FfmpegException.describe(result));
    }
  }

  private void closeSource() {
    if (source != null) {
      source.close();
      source = null;
    }
  }

  @Override
  public void close() {
    closeSource();
  }
}
