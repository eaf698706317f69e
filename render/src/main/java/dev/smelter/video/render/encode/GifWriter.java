package dev.smelter.video.render.encode;

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
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.render.ffmpeg.FfmpegException;
import dev.smelter.video.render.media.VideoFilterGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * GIF output the way Editly makes it: {@code format=rgb24,fps=<fps>,scale=W:H:flags=lanczos,
 * split[s0][s1];[s0]palettegen[p];[s1][p]paletteuse}, looping forever ({@code -loop 0}), no audio.
 * {@code palettegen} needs every frame before it emits the palette, so the graph holds all frames
 * (as RGB24) until {@link #finish}; GIFs are small, so that is accepted.
 */
public final class GifWriter implements OutputWriter {
  private final Muxer muxer;
  private final VideoFilterGraph graph;
  private final RgbaConverter converter;
  private final AVCodecContext encoder;
  private final AVStream stream;
  private final AVFrame filtered = av_frame_alloc();
  private final AVPacket packet = av_packet_alloc();
  private final int width;
  private final int height;
  private long frameIndex;
  private boolean finished;
  private boolean closed;

  private GifWriter(Muxer muxer, VideoFilterGraph graph, RgbaConverter converter, AVCodecContext encoder, AVStream stream, int width, int height) {
    this.muxer = muxer;
    this.graph = graph;
    this.converter = converter;
    this.encoder = encoder;
    this.stream = stream;
    this.width = width;
    this.height = height;
  }

  /** Editly's GIF filter chain for an output of {@code width × height} at {@code fps}. */
  static String chain(OutputSpec spec) {
    return String.format(
        Locale.ROOT,
        "format=rgb24,fps=%d/%d,scale=%d:%d:flags=lanczos,split[s0][s1];[s0]palettegen[p];[s1][p]paletteuse",
        spec.fps().num(), spec.fps().den(), spec.width(), spec.height());
  }

  static GifWriter open(Path file, OutputSpec spec, FrameLayout layout) throws IOException {
    int width = spec.width();
    int height = spec.height();
    String source = String.format(
        Locale.ROOT, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=1/1:frame_rate=%d/%d",
        width, height, AV_PIX_FMT_RGB24, spec.fps().den(), spec.fps().num(), spec.fps().num(), spec.fps().den());
    Muxer muxer = Muxer.create(file, "gif");
    VideoFilterGraph graph = null;
    RgbaConverter converter = null;
    AVCodecContext encoder = null;
    try {
      graph = VideoFilterGraph.open(source, chain(spec));
      // Alpha is dropped here rather than by format=rgb24, so only 3 bytes per pixel are buffered.
      converter = new RgbaConverter(width, height, AV_PIX_FMT_RGB24, layout);
      AVCodec codec = avcodec_find_encoder_by_name("gif");
      if (codec == null || codec.isNull()) throw new FfmpegException("FFmpeg has no gif encoder", 0);
      encoder = avcodec_alloc_context3(codec);
      encoder.width(graph.outputWidth()).height(graph.outputHeight()).pix_fmt(graph.outputPixelFormat());
      encoder.time_base(graph.outputTimeBase());
      encoder.framerate(av_make_q(spec.fps().num(), spec.fps().den()));
      FfmpegException.check(avcodec_open2(encoder, codec, (AVDictionary) null), "opening the GIF encoder");
      AVStream stream = muxer.addStream(encoder);
      muxer.start(Map.of("loop", "0"));
      return new GifWriter(muxer, graph, converter, encoder, stream, width, height);
    } catch (IOException | RuntimeException e) {
      if (encoder != null) avcodec_free_context(encoder);
      if (converter != null) converter.close();
      if (graph != null) graph.close();
      muxer.close();
      throw e;
    }
  }

  @Override
  public String encoderName() {
    return "gif";
  }

  @Override
  public void writeFrame(ByteBuffer rgba) throws IOException {
    if (finished || closed) throw new IllegalStateException("writer is " + (closed ? "closed" : "finished"));
    // The graph keeps each frame until the palette exists, so every frame needs its own buffer.
    AVFrame frame = av_frame_alloc();
    try {
      frame.format(AV_PIX_FMT_RGB24).width(width).height(height);
      FfmpegException.check(av_frame_get_buffer(frame, 0), "allocating a GIF frame");
      converter.convert(rgba, frame);
      frame.pts(frameIndex++).duration(1);
      graph.push(frame);
    } finally {
      av_frame_free(frame);
    }
    encodeAvailable();
  }

  @Override
  public void finish() throws IOException {
    if (closed) throw new IllegalStateException("writer is closed");
    if (finished) return;
    // End at the end of the last frame (as the CLI does), or fps would drop that frame.
    graph.endInput(frameIndex);
    encodeAvailable();
    FfmpegException.check(avcodec_send_frame(encoder, null), "flushing the GIF encoder");
    drain();
    muxer.finish();
    finished = true;
  }

  private void encodeAvailable() throws IOException {
    while (graph.pull(filtered)) {
      try {
        FfmpegException.check(avcodec_send_frame(encoder, filtered), "encoding a GIF frame");
      } finally {
        av_frame_unref(filtered);
      }
      drain();
    }
  }

  private void drain() throws IOException {
    AVRational timeBase = encoder.time_base();
    while (true) {
      int result = avcodec_receive_packet(encoder, packet);
      if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) return;
      FfmpegException.check(result, "receiving a GIF packet");
      try {
        muxer.write(packet, timeBase, stream);
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    av_frame_free(filtered);
    av_packet_free(packet);
    avcodec_free_context(encoder);
    converter.close();
    graph.close();
    muxer.close();
  }
}
