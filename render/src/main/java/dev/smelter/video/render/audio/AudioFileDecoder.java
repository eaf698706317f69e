package dev.smelter.video.render.audio;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Demuxes and decodes the first audio stream of one file, a frame at a time.
 *
 * <p>Timestamps are rewritten as a running sample count from the file's start, the way ffmpeg's
 * CLI presents an input to its filters (start time subtracted, {@code -stream_loop} continuing the
 * clock): {@code atrim} then cuts on exactly the seconds Editly's command line would.
 */
final class AudioFileDecoder implements FrameSource {
  private final String at;
  private final Path path;
  private final boolean loop;
  private AVFormatContext container;
  private AVCodecContext codec;
  private AVPacket packet;
  private AVFrame frame;
  private int streamIndex;
  private AVRational streamTimeBase;
  private AVRational sampleTimeBase;
  private long startTime;
  private long startSample;
  private long nextPts = AV_NOPTS_VALUE;
  private long samplesThisPass;

  private AudioFileDecoder(String at, Path path, boolean loop) {
    this.at = at;
    this.path = path;
    this.loop = loop;
  }

  /**
   * Opens {@code path} positioned at (or just before) {@code seekSeconds}, like ffmpeg's input
   * {@code -ss}; with {@code loop} the file restarts at its end forever ({@code -stream_loop -1}).
   *
   * @param at the JSON path of the spec entry, for error messages
   */
  static AudioFileDecoder open(String at, Path path, double seekSeconds, boolean loop)
      throws IOException {
    AudioFileDecoder decoder = new AudioFileDecoder(at, path, loop);
    try {
      decoder.openStream();
      if (seekSeconds > 0) {
        long target = startTimeOf(decoder.container) + Math.round(seekSeconds * AV_TIME_BASE);
        // A failed seek (unseekable input) only costs decoding time: atrim still cuts exactly.
        avformat_seek_file(decoder.container, -1, Long.MIN_VALUE, target, target, 0);
      }
      return decoder;
    } catch (IOException | RuntimeException e) {
      decoder.close();
      throw e;
    }
  }

  /** The format of every frame {@link #next()} returns. */
  DecodedFormat format() {
    AVChannelLayout layout = codec.ch_layout();
    byte[] name = new byte[64];
    av_channel_layout_describe(layout, name, name.length);
    int length = 0;
    while (length < name.length && name[length] != 0) {
      length++;
    }
    return new DecodedFormat(
        codec.sample_rate(),
        codec.sample_fmt(),
        new String(name, 0, length, StandardCharsets.US_ASCII),
        layout.nb_channels());
  }

  @Override
  public AVFrame next() throws IOException {
    while (true) {
      int received = avcodec_receive_frame(codec, frame);
      if (received >= 0) {
        stamp(frame);
        return frame;
      }
      if (received == AVERROR_EOF) {
        if (loop && samplesThisPass > 0) {
          rewind();
          continue;
        }
        return null;
      }
      if (received != AVERROR_EAGAIN()) {
        throw failure("cannot decode audio", received);
      }
      feedDecoder();
    }
  }

  private void feedDecoder() throws IOException {
    int read = av_read_frame(container, packet);
    if (read == AVERROR_EOF) {
      avcodec_send_packet(codec, null);
      return;
    }
    if (read < 0) {
      throw failure("cannot read audio", read);
    }
    try {
      if (packet.stream_index() == streamIndex) {
        int sent = avcodec_send_packet(codec, packet);
        // A corrupt packet is skipped, as ffmpeg's CLI does, rather than failing the render.
        if (sent < 0 && sent != AVERROR_INVALIDDATA && sent != AVERROR_EAGAIN()) {
          throw failure("cannot decode audio", sent);
        }
      }
    } finally {
      av_packet_unref(packet);
    }
  }

  private void stamp(AVFrame decoded) {
    if (nextPts == AV_NOPTS_VALUE) {
      long ts = decoded.best_effort_timestamp();
      nextPts =
          ts == AV_NOPTS_VALUE
              ? 0
              : av_rescale_q(ts, streamTimeBase, sampleTimeBase) - startSample;
    }
    decoded.pts(nextPts);
    nextPts += decoded.nb_samples();
    samplesThisPass += decoded.nb_samples();
    if (decoded.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
      // Same guess as the decoder context got, so the buffer source sees one layout throughout.
      int channels = decoded.ch_layout().nb_channels();
      av_channel_layout_uninit(decoded.ch_layout());
      av_channel_layout_default(decoded.ch_layout(), channels);
    }
  }

  private void rewind() throws IOException {
    int sought = avformat_seek_file(container, -1, Long.MIN_VALUE, startTime, startTime, 0);
    if (sought < 0) {
      throw failure("cannot loop (seek to start)", sought);
    }
    avcodec_flush_buffers(codec);
    samplesThisPass = 0;
  }

  private void openStream() throws IOException {
    container = new AVFormatContext(null);
    int opened = avformat_open_input(container, path.toString(), null, null);
    if (opened < 0) {
      container = null;
      throw failure("cannot open audio file", opened);
    }
    int info = avformat_find_stream_info(container, (PointerPointer<?>) null);
    if (info < 0) {
      throw failure("cannot read stream info", info);
    }
    // The first audio stream, as Editly's "-map a:0" picks it.
    streamIndex = -1;
    for (int i = 0; i < container.nb_streams() && streamIndex < 0; i++) {
      if (container.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
        streamIndex = i;
      }
    }
    if (streamIndex < 0) {
      throw new IOException(at + ": no audio stream in " + path);
    }
    for (int i = 0; i < container.nb_streams(); i++) {
      if (i != streamIndex) {
        container.streams(i).discard(AVDISCARD_ALL);
      }
    }
    AVStream stream = container.streams(streamIndex);
    AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
    if (decoder == null) {
      throw new IOException(at + ": no decoder for the audio codec of " + path);
    }
    codec = avcodec_alloc_context3(decoder);
    int copied = avcodec_parameters_to_context(codec, stream.codecpar());
    if (copied < 0) {
      throw failure("cannot configure decoder", copied);
    }
    codec.pkt_timebase(stream.time_base());
    codec.thread_count(1);
    int ready = avcodec_open2(codec, decoder, (AVDictionary) null);
    if (ready < 0) {
      throw failure("cannot open decoder", ready);
    }
    if (codec.sample_rate() <= 0 || codec.sample_fmt() == AV_SAMPLE_FMT_NONE) {
      throw new IOException(at + ": unknown sample rate or format in " + path);
    }
    if (codec.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
      int channels = codec.ch_layout().nb_channels();
      av_channel_layout_uninit(codec.ch_layout());
      av_channel_layout_default(codec.ch_layout(), channels);
    }
    streamTimeBase = stream.time_base();
    sampleTimeBase = av_make_q(1, codec.sample_rate());
    startTime = startTimeOf(container);
    startSample = av_rescale_q(startTime, av_make_q(1, AV_TIME_BASE), sampleTimeBase);
    packet = av_packet_alloc();
    frame = av_frame_alloc();
  }

  private static long startTimeOf(AVFormatContext container) {
    long start = container.start_time();
    return start == AV_NOPTS_VALUE ? 0 : start;
  }

  private IOException failure(String what, int code) {
    return new IOException(at + ": " + what + " " + path + ": " + FfmpegException.describe(code));
  }

  @Override
  public void close() {
    if (frame != null) {
      av_frame_free(frame);
      frame = null;
    }
    if (packet != null) {
      av_packet_free(packet);
      packet = null;
    }
    if (codec != null) {
      avcodec_free_context(codec);
      codec = null;
    }
    if (container != null) {
      avformat_close_input(container);
      container = null;
    }
  }
}
