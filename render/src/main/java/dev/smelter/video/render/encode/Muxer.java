package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import dev.smelter.video.render.ffmpeg.FfmpegException;
import dev.smelter.video.render.ffmpeg.FfmpegLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * An output file of a given container: streams are added from opened encoders, then packets are
 * written interleaved (FFmpeg buffers just enough to order them by time).
 */
final class Muxer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Muxer.class.getName());

  private final Path file;
  private AVFormatContext context;
  private boolean fileOpen;
  private boolean headerWritten;
  private boolean trailerWritten;

  private Muxer(Path file, AVFormatContext context) {
    this.file = file;
    this.context = context;
  }

  static Muxer create(Path file, String format) throws FfmpegException {
    FfmpegLog.install();
    AVFormatContext context = new AVFormatContext(null);
    try (BytePointer url = new BytePointer(file.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        BytePointer formatName = new BytePointer(format)) {
      FfmpegException.check(avformat_alloc_output_context2(context, null, formatName, url), "creating a " + format + " muxer");
    }
    return new Muxer(file, context);
  }

  /** Whether encoders must put codec headers in extradata (MP4) rather than in the stream. */
  boolean wantsGlobalHeader() {
    return (context.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
  }

  /** The muxer options among {@code settings}' output options (customOutputArgs). */
  Map<String, String> knownOptions(dev.smelter.video.plan.OutputSpec.EncodeSettings settings) {
    return OutputOptions.forMuxer(context, settings);
  }

  /** Adds a stream carrying what {@code encoder} produces; returns its index. */
  AVStream addStream(AVCodecContext encoder) throws FfmpegException {
    AVStream stream = avformat_new_stream(context, null);
    if (stream == null || stream.isNull()) throw new FfmpegException("cannot add a stream to " + file, 0);
    FfmpegException.check(avcodec_parameters_from_context(stream.codecpar(), encoder), "describing a stream of " + file);
    stream.time_base(encoder.time_base());
    if (encoder.framerate().num() > 0) stream.avg_frame_rate(encoder.framerate());
    return stream;
  }

  /** Opens the file and writes the container header with muxer {@code options}. */
  void start(Map<String, String> options) throws FfmpegException {
    AVIOContext io = new AVIOContext(null);
    try (BytePointer url = new BytePointer(file.toAbsolutePath().toString(), StandardCharsets.UTF_8)) {
      FfmpegException.check(avio_open(io, url, AVIO_FLAG_WRITE), "cannot create " + file);
    }
    context.pb(io);
    fileOpen = true;
    try (CodecOptions header = new CodecOptions(options)) {
      FfmpegException.check(avformat_write_header(context, header.dictionary()), "writing the header of " + file);
      headerWritten = true;
      List<String> unused = header.unused();
      if (!unused.isEmpty()) LOG.log(System.Logger.Level.WARNING, "muxer ignored options {0}", unused);
    }
  }

  /** Writes a packet produced in {@code encoderTimeBase} to {@code stream}; the packet is consumed. */
  void write(AVPacket packet, AVRational encoderTimeBase, AVStream stream) throws FfmpegException {
    packet.stream_index(stream.index());
    av_packet_rescale_ts(packet, encoderTimeBase, stream.time_base());
    FfmpegException.check(av_interleaved_write_frame(context, packet), "writing to " + file);
  }

  /** Flushes the interleaving queue and writes the index (and the faststart rewrite, if asked). */
  void finish() throws FfmpegException {
    if (!headerWritten) throw new IllegalStateException("header was never written");
    FfmpegException.check(av_write_trailer(context), "finishing " + file);
    trailerWritten = true;
    closeFile();
  }

  boolean finished() {
    return trailerWritten;
  }

  private void closeFile() throws FfmpegException {
    if (!fileOpen) return;
    fileOpen = false;
    int result = avio_closep(context.pb());
    context.pb(null);
    FfmpegException.check(result, "closing " + file);
  }

  @Override
  public void close() {
    if (context == null) return;
    if (fileOpen) {
      fileOpen = false;
      avio_closep(context.pb());
      context.pb(null);
    }
    avformat_free_context(context);
    context = null;
  }
}
