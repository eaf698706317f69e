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
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_get_type_name;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_transfer_data;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.ffmpeg.FfmpegException;
import dev.smelter.video.render.ffmpeg.FfmpegLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVHWFramesContext;

/**
 * One opened H.264 encoder fed with RGBA frames: converts each frame into a reused frame of the
 * encoder's pixel format (uploading it to a device surface for VAAPI/Vulkan), sends it, and hands
 * every finished packet to a {@link PacketSink}. Time base is exactly 1/fps; pts is the frame index.
 */
final class VideoEncoder implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(VideoEncoder.class.getName());

  /** Receives encoded packets; the packet is only valid during the call. */
  @FunctionalInterface
  interface PacketSink {
    void accept(AVPacket packet) throws IOException;
  }

  private final H264Encoder kind;
  private AVCodecContext context;
  private RgbaConverter converter;
  private AVFrame frame;
  private AVFrame hardwareFrame;
  private AVBufferRef hardwareDevice;
  private AVBufferRef hardwareFrames;
  private final AVPacket packet = av_packet_alloc();

  private VideoEncoder(H264Encoder kind) {
    this.kind = kind;
  }

  static VideoEncoder open(H264Encoder kind, int width, int height, Rational fps, EncodeSettings settings, boolean globalHeader)
      throws FfmpegException {
    return open(kind, width, height, fps, settings, globalHeader, FrameLayout.RGBA);
  }

  static VideoEncoder open(H264Encoder kind, int width, int height, Rational fps, EncodeSettings settings, boolean globalHeader,
      FrameLayout layout) throws FfmpegException {
    FfmpegLog.install();
    FfmpegLog.clearLastError();
    AVCodec codec = avcodec_find_encoder_by_name(kind.ffmpegName());
    if (codec == null || codec.isNull()) throw new FfmpegException("encoder " + kind.ffmpegName() + " is not compiled into this FFmpeg", 0);
    VideoEncoder encoder = new VideoEncoder(kind);
    try {
      encoder.configure(codec, width, height, fps, settings, globalHeader, layout);
      return encoder;
    } catch (FfmpegException | RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  private void configure(AVCodec codec, int width, int height, Rational fps, EncodeSettings settings, boolean globalHeader,
      FrameLayout layout) throws FfmpegException {
    String softwareFormatName = kind.softwarePixelFormat(settings);
    int softwareFormat = av_get_pix_fmt(softwareFormatName);
    if (softwareFormat == AV_PIX_FMT_NONE) throw new FfmpegException("unknown pixel format " + softwareFormatName, 0);

    context = avcodec_alloc_context3(codec);
    context.width(width).height(height);
    context.time_base(av_make_q(fps.den(), fps.num()));
    context.framerate(av_make_q(fps.num(), fps.den()));
    context.sample_aspect_ratio(av_make_q(1, 1));
    // swscale writes BT.601 limited range; saying so lets players decode the colours exactly.
    context.colorspace(AVCOL_SPC_SMPTE170M).color_range(AVCOL_RANGE_MPEG);
    context.thread_count(0);
    if (globalHeader) context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);

    if (kind.hardwareDevice() != AV_HWDEVICE_TYPE_NONE) {
      attachHardwareFrames(width, height, softwareFormat);
      context.pix_fmt(kind.hardwarePixelFormat());
    } else {
      context.pix_fmt(softwareFormat);
    }

    // customOutputArgs this encoder knows (the others were warned about before the render started).
    List<dev.smelter.video.plan.OutputOption> extra = OutputOptions.forEncoder(context, settings, true, kind.ffmpegName());
    try (CodecOptions options = new CodecOptions(OutputOptions.videoOptions(kind, settings, extra))) {
      FfmpegException.check(avcodec_open2(context, codec, options.dictionary()), "opening encoder " + kind.ffmpegName());
      List<String> unused = options.unused();
      if (!unused.isEmpty()) LOG.log(System.Logger.Level.WARNING, "{0} ignored options {1}", kind.ffmpegName(), unused);
    }

    frame = av_frame_alloc();
    frame.format(softwareFormat).width(width).height(height);
    frame.colorspace(AVCOL_SPC_SMPTE170M).color_range(AVCOL_RANGE_MPEG);
    FfmpegException.check(av_frame_get_buffer(frame, 0), "allocating a video frame");
    converter = new RgbaConverter(width, height, softwareFormat, layout);
  }

  private void attachHardwareFrames(int width, int height, int softwareFormat) throws FfmpegException {
    String deviceName = av_hwdevice_get_type_name(kind.hardwareDevice()).getString();
    hardwareDevice = new AVBufferRef(null);
    FfmpegException.check(
        av_hwdevice_ctx_create(hardwareDevice, kind.hardwareDevice(), (String) null, (AVDictionary) null, 0), "opening a " + deviceName + " device");
    hardwareFrames = av_hwframe_ctx_alloc(hardwareDevice);
    if (hardwareFrames == null || hardwareFrames.isNull()) throw new FfmpegException("cannot allocate " + deviceName + " frames", 0);
    AVHWFramesContext frames = new AVHWFramesContext(hardwareFrames.data());
    frames.format(kind.hardwarePixelFormat()).sw_format(softwareFormat).width(width).height(height);
    FfmpegException.check(av_hwframe_ctx_init(hardwareFrames), "creating " + deviceName + " surfaces");
    context.hw_frames_ctx(av_buffer_ref(hardwareFrames));
    hardwareFrame = av_frame_alloc();
  }

  String name() {
    return kind.ffmpegName();
  }

  AVCodecContext context() {
    return context;
  }

  /** Encodes one RGBA frame with presentation time {@code pts} (in frames). */
  void encode(ByteBuffer rgba, long pts, PacketSink sink) throws IOException {
    encode(rgba, pts, () -> {}, sink);
  }

  /** As {@link #encode(ByteBuffer, long, PacketSink)}; {@code read} runs once {@code rgba} is no longer needed. */
  void encode(ByteBuffer rgba, long pts, Runnable read, PacketSink sink) throws IOException {
    // The encoder may still reference the previous picture (lookahead): copy-on-write only then.
    FfmpegException.check(av_frame_make_writable(frame), "preparing a video frame");
    converter.convert(rgba, frame);
    read.run();
    frame.pts(pts);
    AVFrame toSend = frame;
    if (hardwareFrame != null) {
      av_frame_unref(hardwareFrame);
      FfmpegException.check(av_hwframe_get_buffer(hardwareFrames, hardwareFrame, 0), "getting a device surface");
      FfmpegException.check(av_hwframe_transfer_data(hardwareFrame, frame, 0), "uploading a frame");
      hardwareFrame.pts(pts);
      toSend = hardwareFrame;
    }
    FfmpegException.check(avcodec_send_frame(context, toSend), "encoding a frame");
    drain(sink);
  }

  /** Signals the end of input and writes every delayed packet. */
  void flush(PacketSink sink) throws IOException {
    FfmpegException.check(avcodec_send_frame(context, null), "flushing the encoder");
    drain(sink);
  }

  private void drain(PacketSink sink) throws IOException {
    while (true) {
      int result = avcodec_receive_packet(context, packet);
      if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) return;
      FfmpegException.check(result, "receiving an encoded packet");
      try {
        sink.accept(packet);
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  @Override
  public void close() {
    if (converter != null) converter.close();
    converter = null;
    if (frame != null) av_frame_free(frame);
    frame = null;
    if (hardwareFrame != null) av_frame_free(hardwareFrame);
    hardwareFrame = null;
    if (context != null) avcodec_free_context(context);
    context = null;
    if (hardwareFrames != null) av_buffer_unref(hardwareFrames);
    hardwareFrames = null;
    if (hardwareDevice != null && !hardwareDevice.isNull()) av_buffer_unref(hardwareDevice);
    hardwareDevice = null;
    av_packet_free(packet);
  }
}
