package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.smelter.video.render.audio.PcmStream;
import dev.smelter.video.render.ffmpeg.FfmpegException;
import java.io.IOException;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/**
 * FFmpeg's AAC-LC encoder fed from a {@link PcmStream} on demand: {@link #encodeUntil} pulls just
 * enough PCM to cover a timestamp, so the mix is never held in memory as a whole. Time base is
 * 1/sampleRate; pts counts samples.
 */
final class AacEncoder implements AutoCloseable {
  private static final int MAX_EMPTY_READS = 1000;
  private final PcmStream pcm;
  private final int channels;
  private AVCodecContext context;
  private AVFrame frame;
  private final AVPacket packet = av_packet_alloc();
  private final int frameSize;
  private final float[] interleaved;
  private final float[] planar;
  // PcmStream decides how much it returns; what does not fit the current frame waits here.
  private final float[] pending;
  private int pendingOffset;
  private int pendingFrames;
  private int buffered;
  private long samplesSent;
  private boolean pcmEnded;
  private boolean flushed;

  private AacEncoder(PcmStream pcm, AVCodecContext context, AVFrame frame) {
    this.pcm = pcm;
    this.channels = pcm.channels();
    this.context = context;
    this.frame = frame;
    this.frameSize = context.frame_size();
    this.interleaved = new float[frameSize * channels];
    this.planar = new float[frameSize];
    this.pending = new float[frameSize * channels];
  }

  static AacEncoder open(PcmStream pcm, String bitrate, boolean globalHeader) throws FfmpegException {
    return open(pcm, new EncodeSettings(Optional.empty(), "", 0, Optional.empty(), "", "", bitrate, false), globalHeader);
  }

  /** Opens the encoder at {@code settings.audioBitrate()} with the audio options of {@code settings}. */
  static AacEncoder open(PcmStream pcm, EncodeSettings settings, boolean globalHeader) throws FfmpegException {
    String bitrate = settings.audioBitrate();
    if (pcm.channels() < 1 || pcm.channels() > 2) throw new IllegalArgumentException("AAC output takes mono or stereo, not " + pcm.channels() + " channels");
    AVCodec codec = avcodec_find_encoder_by_name("aac");
    if (codec == null || codec.isNull()) throw new FfmpegException("FFmpeg has no aac encoder", 0);
    AVCodecContext context = avcodec_alloc_context3(codec);
    AVFrame frame = null;
    try {
      context.sample_fmt(AV_SAMPLE_FMT_FLTP).sample_rate(pcm.sampleRate());
      av_channel_layout_default(context.ch_layout(), pcm.channels());
      context.time_base(av_make_q(1, pcm.sampleRate()));
      if (globalHeader) context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
      Map<String, String> given = new LinkedHashMap<>();
      given.put("b", bitrate);
      OutputOptions.forEncoder(context, settings, false, "aac").forEach(o -> given.put(o.name(), o.value()));
      try (CodecOptions options = new CodecOptions(given)) {
        FfmpegException.check(avcodec_open2(context, codec, options.dictionary()), "opening the AAC encoder at " + bitrate);
      }
      frame = av_frame_alloc();
      frame.format(AV_SAMPLE_FMT_FLTP).nb_samples(context.frame_size()).sample_rate(pcm.sampleRate());
      av_channel_layout_default(frame.ch_layout(), pcm.channels());
      FfmpegException.check(av_frame_get_buffer(frame, 0), "allocating an audio frame");
      return new AacEncoder(pcm, context, frame);
    } catch (FfmpegException | RuntimeException e) {
      if (frame != null) av_frame_free(frame);
      avcodec_free_context(context);
      throw e;
    }
  }

  AVCodecContext context() {
    return context;
  }

  /** Encodes PCM until at least {@code sampleTarget} samples went to the encoder, or the PCM ends. */
  void encodeUntil(long sampleTarget, VideoEncoder.PacketSink sink) throws IOException {
    while (samplesSent < sampleTarget && !pcmEnded) fillAndSend(sink);
  }

  /** Encodes the rest of the PCM and flushes the encoder: the audio keeps its own full length. */
  void finish(VideoEncoder.PacketSink sink) throws IOException {
    while (!pcmEnded) fillAndSend(sink);
    if (flushed) return;
    flushed = true;
    FfmpegException.check(avcodec_send_frame(context, null), "flushing the AAC encoder");
    drain(sink);
  }

  /** Fills one encoder frame from the PCM (a short last one at the end) and sends it. */
  private void fillAndSend(VideoEncoder.PacketSink sink) throws IOException {
    int emptyReads = 0;
    while (buffered < frameSize) {
      if (pendingFrames == 0) {
        int read = pcm.read(pending);
        if (read < 0) {
          pcmEnded = true;
          break;
        }
        if (read == 0 && ++emptyReads > MAX_EMPTY_READS) throw new IllegalStateException("PCM stream keeps returning no samples: " + pcm);
        pendingOffset = 0;
        pendingFrames = read;
        continue;
      }
      int take = Math.min(pendingFrames, frameSize - buffered);
      System.arraycopy(pending, pendingOffset * channels, interleaved, buffered * channels, take * channels);
      pendingOffset += take;
      pendingFrames -= take;
      buffered += take;
    }
    if (buffered > 0) send(sink);
  }

  private void send(VideoEncoder.PacketSink sink) throws IOException {
    FfmpegException.check(av_frame_make_writable(frame), "preparing an audio frame");
    frame.nb_samples(buffered);
    for (int channel = 0; channel < channels; channel++) {
      for (int i = 0; i < buffered; i++) planar[i] = interleaved[i * channels + channel];
      new FloatPointer(frame.extended_data(channel)).put(planar, 0, buffered);
    }
    frame.pts(samplesSent);
    FfmpegException.check(avcodec_send_frame(context, frame), "encoding audio");
    samplesSent += buffered;
    buffered = 0;
    drain(sink);
  }

  private void drain(VideoEncoder.PacketSink sink) throws IOException {
    while (true) {
      int result = avcodec_receive_packet(context, packet);
      if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) return;
      FfmpegException.check(result, "receiving an AAC packet");
      try {
        sink.accept(packet);
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  @Override
  public void close() {
    if (frame != null) av_frame_free(frame);
    frame = null;
    if (context != null) avcodec_free_context(context);
    context = null;
    av_packet_free(packet);
  }
}
