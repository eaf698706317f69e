package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVA420P;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.audio.PcmStream;
import dev.smelter.video.render.encode.OutputWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/** Generates the videos the tests read: colour-coded MP4s, rotated copies, WebM with alpha. */
public final class TestVideos {
  /** Paints frame {@code index} into {@code rgba} ({@code width·height·4}). */
  @FunctionalInterface
  public interface Painter {
    void paint(int index, ByteBuffer rgba, int width, int height);
  }

  private TestVideos() {}

  /** Near-lossless settings so that decoded colours identify frames. */
  public static OutputSpec.EncodeSettings crisp() {
    return new OutputSpec.EncodeSettings(Optional.of("libx264"), "ultrafast", 4, Optional.empty(), "yuv420p", "high", "128k", true);
  }

  public static OutputSpec mp4(Path file, int width, int height, Rational fps, OutputSpec.EncodeSettings settings) {
    return new OutputSpec(file, OutputSpec.Format.MP4, width, height, fps, settings);
  }

  /** Writes an MP4 of {@code frames} frames painted by {@code painter}, with optional audio. */
  public static Path write(Path file, int width, int height, Rational fps, int frames, Painter painter, Optional<PcmStream> audio)
      throws IOException {
    return write(mp4(file, width, height, fps, crisp()), frames, painter, audio);
  }

  public static Path write(OutputSpec spec, int frames, Painter painter, Optional<PcmStream> audio) throws IOException {
    ByteBuffer rgba = ByteBuffer.allocateDirect(spec.width() * spec.height() * 4);
    try (OutputWriter writer = OutputWriter.open(spec.path(), spec, audio)) {
      for (int i = 0; i < frames; i++) {
        painter.paint(i, rgba, spec.width(), spec.height());
        writer.writeFrame(rgba);
      }
      writer.finish();
    }
    return spec.path();
  }

  /** Fills the whole frame with one colour. */
  public static void fill(ByteBuffer rgba, int width, int height, int r, int g, int b, int a) {
    for (int i = 0; i < width * height; i++) {
      rgba.put(i * 4, (byte) r).put(i * 4 + 1, (byte) g).put(i * 4 + 2, (byte) b).put(i * 4 + 3, (byte) a);
    }
  }

  /** Frame {@code i} is solid (level(i), 128, 255 − level(i)): decodable back to its index. */
  public static Painter indexColours() {
    return (i, rgba, w, h) -> fill(rgba, w, h, level(i), 128, 255 - level(i), 255);
  }

  public static int level(int index) {
    return 10 + 12 * index;
  }

  /** The frame index an {@link #indexColours()} pixel came from. */
  public static int indexOf(int red) {
    return Math.round((red - 10) / 12f);
  }

  /** Like {@link #indexColours()} for up to 400 frames: red counts units, green counts twenties. */
  public static Painter wideIndexColours() {
    return (i, rgba, w, h) -> fill(rgba, w, h, level(i % 20), level(i / 20), 128, 255);
  }

  /** The frame index a {@link #wideIndexColours()} pixel came from. */
  public static int wideIndexOf(int red, int green) {
    return indexOf(red) + 20 * indexOf(green);
  }

  /** Top half red, bottom half blue. */
  public static Painter topRedBottomBlue() {
    return (i, rgba, w, h) -> {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int o = (y * w + x) * 4;
          boolean top = y < h / 2;
          rgba.put(o, (byte) (top ? 255 : 0)).put(o + 1, (byte) 0).put(o + 2, (byte) (top ? 0 : 255)).put(o + 3, (byte) 255);
        }
      }
    };
  }

  /**
   * Copies {@code source} (stream copy) to {@code target} with a display matrix asking for a
   * counter-clockwise rotation of {@code degrees}, as phones write it (ffprobe shows this number).
   */
  public static Path rotated(Path source, Path target, double degrees) throws IOException {
    try (MediaInput input = MediaInput.open(source)) {
      AVFormatContext output = new AVFormatContext(null);
      FfmpegException.check(avformat_alloc_output_context2(output, null, "mp4", target.toString()), "alloc");
      AVPacket packet = av_packet_alloc();
      try {
        AVStream in = input.firstVideoStream().orElseThrow();
        AVStream out = avformat_new_stream(output, null);
        FfmpegException.check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "copy");
        out.codecpar().codec_tag(0);
        out.time_base(in.time_base());
        // codecpar owns its side data and frees it with av_free, so it must come from av_malloc.
        AVPacketSideData sideData = new AVPacketSideData(av_mallocz(Loader.sizeof(AVPacketSideData.class)));
        BytePointer matrix = new BytePointer(av_malloc(9 * 4)).capacity(36);
        // FFmpeg's setter takes clockwise degrees, its getter (and ffprobe) answers counter-clockwise.
        av_display_rotation_set(new IntPointer(matrix), -degrees);
        sideData.type(AV_PKT_DATA_DISPLAYMATRIX).data(matrix).size(36);
        out.codecpar().coded_side_data(sideData).nb_coded_side_data(1);
        AVIOContext io = new AVIOContext(null);
        FfmpegException.check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open");
        output.pb(io);
        FfmpegException.check(avformat_write_header(output, (AVDictionary) null), "header");
        while (av_read_frame(input.context(), packet) >= 0) {
          if (packet.stream_index() == in.index()) {
            packet.stream_index(0);
            av_packet_rescale_ts(packet, in.time_base(), out.time_base());
            packet.pos(-1);
            FfmpegException.check(av_interleaved_write_frame(output, packet), "write");
          }
          av_packet_unref(packet);
        }
        FfmpegException.check(av_write_trailer(output), "trailer");
        avio_closep(output.pb());
        output.pb(null);
      } finally {
        av_packet_free(packet);
        avformat_free_context(output);
      }
    }
    return target;
  }

  /** A VP9 WebM with an alpha channel: every frame solid (r, g, b, a). */
  public static Path webmWithAlpha(Path target, int width, int height, Rational fps, int frames, int r, int g, int b, int a)
      throws IOException {
    AVCodec codec = avcodec_find_encoder_by_name("libvpx-vp9");
    AVCodecContext encoder = avcodec_alloc_context3(codec);
    AVFormatContext output = new AVFormatContext(null);
    AVFrame frame = av_frame_alloc();
    AVPacket packet = av_packet_alloc();
    SwsContext sws = sws_getContext(width, height, AV_PIX_FMT_RGBA, width, height, AV_PIX_FMT_YUVA420P, SWS_POINT, null, null, (DoublePointer) null);
    ByteBuffer rgba = ByteBuffer.allocateDirect(width * height * 4);
    fill(rgba, width, height, r, g, b, a);
    try (BytePointer source = new BytePointer(rgba); PointerPointer<BytePointer> planes = new PointerPointer<>(4); IntPointer strides = new IntPointer(4)) {
      planes.put(0, source.position(0));
      strides.put(0, width * 4);
      FfmpegException.check(avformat_alloc_output_context2(output, null, "webm", target.toString()), "alloc");
      encoder.width(width).height(height).pix_fmt(AV_PIX_FMT_YUVA420P);
      encoder.time_base(av_make_q(fps.den(), fps.num())).framerate(av_make_q(fps.num(), fps.den()));
      encoder.bit_rate(200_000);
      FfmpegException.check(avcodec_open2(encoder, codec, (AVDictionary) null), "open vp9");
      AVStream stream = avformat_new_stream(output, null);
      FfmpegException.check(avcodec_parameters_from_context(stream.codecpar(), encoder), "par");
      stream.time_base(encoder.time_base());
      AVIOContext io = new AVIOContext(null);
      FfmpegException.check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open");
      output.pb(io);
      FfmpegException.check(avformat_write_header(output, (AVDictionary) null), "header");
      frame.format(AV_PIX_FMT_YUVA420P).width(width).height(height);
      FfmpegException.check(av_frame_get_buffer(frame, 0), "buffer");
      for (int i = 0; i <= frames; i++) {
        AVFrame toSend = null;
        if (i < frames) {
          av_frame_make_writable(frame);
          sws_scale(sws, planes, strides, 0, height, frame.data(), frame.linesize());
          frame.pts(i);
          toSend = frame;
        }
        FfmpegException.check(avcodec_send_frame(encoder, toSend), "encode");
        while (true) {
          int result = avcodec_receive_packet(encoder, packet);
          if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) break;
          FfmpegException.check(result, "receive");
          av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
          packet.stream_index(0);
          FfmpegException.check(av_interleaved_write_frame(output, packet), "write");
        }
      }
      FfmpegException.check(av_write_trailer(output), "trailer");
      avio_closep(output.pb());
      output.pb(null);
    } finally {
      sws_freeContext(sws);
      av_packet_free(packet);
      av_frame_free(frame);
      avcodec_free_context(encoder);
      avformat_free_context(output);
    }
    return target;
  }
}
