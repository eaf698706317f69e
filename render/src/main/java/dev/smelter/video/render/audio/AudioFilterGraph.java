package dev.smelter.video.render.audio;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_init_str;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_link;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import java.io.IOException;
import java.util.List;
import org.bytedeco.ffmpeg.avfilter.AVFilter;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.javacpp.Pointer;

/**
 * A libavfilter graph built filter by filter.
 *
 * <p>Options are set one by one with {@code av_opt_set} instead of parsing a filtergraph string,
 * so values such as a user's {@code outputVolume} need no escaping and cannot inject filters.
 */
final class AudioFilterGraph implements AutoCloseable {
  private AVFilterGraph graph;
  private int filterCount;

  AudioFilterGraph() {
    graph = avfilter_graph_alloc();
    if (graph == null) {
      throw new OutOfMemoryError("avfilter_graph_alloc");
    }
    // Audio filters barely use slice threads; one thread avoids a pool per render.
    graph.nb_threads(1);
  }

  /**
   * Adds and initialises a filter.
   *
   * @param options alternating option names and values, in FFmpeg's own syntax
   * @throws IllegalArgumentException when FFmpeg rejects the filter or an option value
   */
  AVFilterContext add(String filterName, String... options) {
    if (options.length % 2 != 0) {
      throw new IllegalArgumentException(filterName + ": options must be name/value pairs");
    }
    AVFilter filter = avfilter_get_by_name(filterName);
    if (filter == null) {
      throw new IllegalStateException("FFmpeg has no filter " + filterName);
    }
    AVFilterContext context = avfilter_graph_alloc_filter(graph, filter, filterName + "_" + filterCount++);
    if (context == null) {
      throw new OutOfMemoryError("avfilter_graph_alloc_filter " + filterName);
    }
    for (int i = 0; i < options.length; i += 2) {
      int set = av_opt_set(context, options[i], options[i + 1], AV_OPT_SEARCH_CHILDREN);
      if (set < 0) {
        throw new IllegalArgumentException(
            filterName + ": invalid " + options[i] + "=" + options[i + 1] + ": " + FfmpegException.describe(set));
      }
    }
    int initialised = avfilter_init_str(context, (String) null);
    if (initialised < 0) {
      throw new IllegalArgumentException(
          filterName + ": cannot initialise with " + String.join(" ", options) + ": " + FfmpegException.describe(initialised));
    }
    return context;
  }

  /** Adds a filter fed by {@code upstream}'s first output. */
  AVFilterContext chain(AVFilterContext upstream, String filterName, String... options) {
    AVFilterContext filter = add(filterName, options);
    link(upstream, filter, 0);
    return filter;
  }

  /** Adds a filter whose input pads 0, 1, … are fed by {@code inputs} in order. */
  AVFilterContext join(List<AVFilterContext> inputs, String filterName, String... options) {
    AVFilterContext filter = add(filterName, options);
    for (int i = 0; i < inputs.size(); i++) {
      link(inputs.get(i), filter, i);
    }
    return filter;
  }

  void link(AVFilterContext from, AVFilterContext to, int toPad) {
    int linked = avfilter_link(from, 0, to, toPad);
    if (linked < 0) {
      throw new IllegalStateException(
          "cannot link " + from.name().getString() + " to " + to.name().getString() + ": " + FfmpegException.describe(linked));
    }
  }

  /** Negotiates formats (inserting resamplers where inputs disagree) and sizes every link. */
  void configure() throws IOException {
    int configured = avfilter_graph_config(graph, (Pointer) null);
    if (configured < 0) {
      throw new IOException("cannot configure the audio filter graph: " + FfmpegException.describe(configured));
    }
  }

  @Override
  public void close() {
    if (graph != null) {
      avfilter_graph_free(graph);
      graph = null;
    }
  }
}
