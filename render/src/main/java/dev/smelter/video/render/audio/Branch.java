package dev.smelter.video.render.audio;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;

/**
 * A filter output of known rate and layout: pinned by {@code aformat}, or passed through
 * unchanged from a buffer source.
 */
record Branch(AVFilterContext node, int sampleRate, String layout) {

  /**
   * Pins this output to what one of Editly's intermediate FLAC files holds: s32 at this rate and
   * layout, so loud samples clip where Editly's clip.
   */
  Branch asEditlyFile(AudioFilterGraph graph) {
    return new Branch(
        graph.chain(
            node,
            "aformat",
            "sample_fmts", "s32",
            "sample_rates", Integer.toString(sampleRate),
            "channel_layouts", layout),
        sampleRate,
        layout);
  }

  /**
   * Converts to the rate and layout that ffmpeg 5.1's negotiation chose for the filter this
   * feeds (FFmpeg 8.1 would choose differently, so the choice is made explicit).
   */
  Branch conformedTo(AudioFilterGraph graph, int rate, String channelLayout) {
    if (sampleRate == rate && layout.equals(channelLayout)) {
      return this;
    }
    return new Branch(
        graph.chain(node, "aformat", "sample_rates", Integer.toString(rate), "channel_layouts", channelLayout),
        rate,
        channelLayout);
  }
}
