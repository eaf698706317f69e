package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegException;
import dev.smelter.video.render.ffmpeg.FfmpegLog;

import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_PUSH;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_format;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_h;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_time_base;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_w;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_close;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * A single-input, single-output libavfilter graph: a video {@code buffer} source, a chain in
 * ffmpeg's {@code -vf} syntax, and a {@code buffersink}. Frames are pushed in and pulled out one at a
 * time; the graph holds only what its filters need to buffer.
 */
public final class VideoFilterGraph implements AutoCloseable {
  private AVFilterGraph graph;
  private final AVFilterContext source;
  private final AVFilterContext sink;
  private final String chain;
  private boolean ended;

  private VideoFilterGraph(AVFilterGraph graph, AVFilterContext source, AVFilterContext sink, String chain) {
    this.graph = graph;
    this.source = source;
    this.sink = sink;
    this.chain = chain;
  }

  /**
   * Builds and configures the graph.
   *
   * @param sourceArgs the {@code buffer} filter's options, e.g.
   *     {@code video_size=64x112:pix_fmt=26:time_base=1/10:pixel_aspect=1/1}
   * @param chain filters between source and sink, e.g. {@code fps=10,scale=32:56}
   */
  public static VideoFilterGraph open(String sourceArgs, String chain) throws FfmpegException {
    FfmpegLog.install();
    AVFilterGraph graph = avfilter_graph_alloc();
    if (graph == null || graph.isNull()) throw new FfmpegException("cannot allocate a filter graph", 0);
    try {
      AVFilterContext source = new AVFilterContext(null);
      FfmpegException.check(
          avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", sourceArgs, null, graph),
          "creating the filter source " + sourceArgs);
      AVFilterContext sink = new AVFilterContext(null);
      FfmpegException.check(
          avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph), "creating the filter sink");
      link(graph, chain, source, sink);
      FfmpegException.check(avfilter_graph_config(graph, null), "configuring the filter graph " + chain);
      return new VideoFilterGraph(graph, source, sink, chain);
    } catch (FfmpegException | RuntimeException e) {
      avfilter_graph_free(graph);
      throw e;
    }
  }

  private static void link(AVFilterGraph graph, String chain, AVFilterContext source, AVFilterContext sink) throws FfmpegException {
    AVFilterInOut outputs = avfilter_inout_alloc();
    AVFilterInOut inputs = avfilter_inout_alloc();
    try {
      outputs.name(ownedString("in")).filter_ctx(source).pad_idx(0).next(null);
      inputs.name(ownedString("out")).filter_ctx(sink).pad_idx(0).next(null);
      FfmpegException.check(avfilter_graph_parse_ptr(graph, chain, inputs, outputs, null), "parsing the filter graph " + chain);
    } finally {
      avfilter_inout_free(inputs);
      avfilter_inout_free(outputs);
    }
  }

  // The graph releases in/out names with av_free, so they must be allocated by FFmpeg.
  private static BytePointer ownedString(String text) {
    try (BytePointer temporary = new BytePointer(text)) {
      return av_strdup(temporary);
    }
  }

  /** Hands the frame's reference to the graph; {@code frame} is left empty. */
  public void push(AVFrame frame) throws FfmpegException {
    FfmpegException.check(av_buffersrc_add_frame_flags(source, frame, 0), "filtering a frame");
  }

  /**
   * Ends the input at {@code endPts} (source time base): the end of the last frame, so that
   * filters such as {@code fps} can fill up to it, as the ffmpeg CLI does.
   */
  public void endInput(long endPts) throws FfmpegException {
    FfmpegException.check(av_buffersrc_close(source, endPts, AV_BUFFERSRC_FLAG_PUSH), "closing the filter input");
  }

  /** Ends the input right after the last pushed frame. */
  public void endInput() throws FfmpegException {
    FfmpegException.check(av_buffersrc_add_frame_flags(source, null, AV_BUFFERSRC_FLAG_PUSH), "closing the filter input");
  }

  /**
   * Takes the next output frame into {@code frame}.
   *
   * @return false when the graph needs more input, or has ended (see {@link #ended()})
   */
  public boolean pull(AVFrame frame) throws FfmpegException {
    if (ended) return false;
    int result = av_buffersink_get_frame(sink, frame);
    if (result >= 0) return true;
    if (result == AVERROR_EOF) {
      ended = true;
      return false;
    }
    if (result == AVERROR_EAGAIN()) return false;
    throw FfmpegException.failure(result, "pulling a frame from " + chain);
  }

  /** Whether the sink has delivered its last frame. */
  public boolean ended() {
    return ended;
  }

  public AVRational outputTimeBase() {
    return av_buffersink_get_time_base(sink);
  }

  public int outputWidth() {
    return av_buffersink_get_w(sink);
  }

  public int outputHeight() {
    return av_buffersink_get_h(sink);
  }

  public int outputPixelFormat() {
    return av_buffersink_get_format(sink);
  }

  @Override
  public void close() {
    if (graph != null) {
      avfilter_graph_free(graph);
      graph = null;
    }
  }
}
