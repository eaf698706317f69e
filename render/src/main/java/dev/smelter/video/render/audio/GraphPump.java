package dev.smelter.video.render.audio;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_ch_layout;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_sample_rate;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A configured graph pulled from its sink, like ffmpeg's CLI drives one: whenever the sink has
 * nothing, the buffer source the graph asked most often gets one more frame. Only frames in
 * flight are held.
 */
final class GraphPump implements AutoCloseable {
  private final AudioFilterGraph graph;
  private final AVFilterContext sink;
  private final List<SourceFeed> feeds;
  private boolean ended;

  /** Takes ownership of the graph and the feeds; {@code sink} must be configured. */
  GraphPump(AudioFilterGraph graph, AVFilterContext sink, List<SourceFeed> feeds) {
    this.graph = graph;
    this.sink = sink;
    this.feeds = new ArrayList<>(feeds);
  }

  int sampleRate() {
    return av_buffersink_get_sample_rate(sink);
  }

  int channels() {
    AVChannelLayout layout = new AVChannelLayout();
    try {
      av_buffersink_get_ch_layout(sink, layout);
      return layout.nb_channels();
    } finally {
      av_channel_layout_uninit(layout);
      layout.close();
    }
  }

  /**
   * Moves the next output frame into {@code frame} (which must be empty).
   *
   * @return false at the end of the output
   */
  boolean pull(AVFrame frame) throws IOException {
    while (!ended) {
      int got = av_buffersink_get_frame(sink, frame);
      if (got >= 0) {
        return true;
      }
      if (got == AVERROR_EOF) {
        ended = true;
      } else if (got == AVERROR_EAGAIN()) {
        feedHungriest();
      } else {
        throw new IOException("the audio graph failed: " + FfmpegException.describe(got));
      }
    }
    return false;
  }

  private void feedHungriest() throws IOException {
    SourceFeed hungriest = null;
    int most = 0;
    for (SourceFeed feed : feeds) {
      feed.releaseIfUnwanted();
      int hunger = feed.hunger();
      if (hunger > most) {
        most = hunger;
        hungriest = feed;
      }
    }
    if (hungriest == null) {
      throw new IllegalStateException("the audio graph stalled: no source was asked for samples");
    }
    hungriest.feed();
  }

  @Override
  public void close() {
    for (SourceFeed feed : feeds) {
      feed.close();
    }
    graph.close();
  }
}
