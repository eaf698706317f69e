package dev.smelter.video.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_get_packed_sample_fmt;

/**
 * What a decoder emits, as the filter graph's buffer source must be told before the first frame.
 *
 * @param sampleFormat an {@code AV_SAMPLE_FMT_*} value
 * @param channelLayout FFmpeg's textual layout ("mono", "stereo", "5.1"), parseable by abuffer
 */
record DecodedFormat(int sampleRate, int sampleFormat, String channelLayout, int channels) {

  /** Float or double samples, planar or not (what MP3, AAC, Opus and Vorbis decoders yield). */
  boolean isFloat() {
    int packed = av_get_packed_sample_fmt(sampleFormat);
    return packed == AV_SAMPLE_FMT_FLT || packed == AV_SAMPLE_FMT_DBL;
  }
}
