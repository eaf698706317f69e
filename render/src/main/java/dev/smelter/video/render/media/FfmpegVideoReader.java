package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.smelter.video.plan.Rational;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Decodes one video layer in-process, frame by frame, the way Editly's per-layer
 * {@code ffmpeg -ss cutFrom -i path -t (cutTo−cutFrom)·speed -vf setpts=speed*PTS,fps,scale[,crop]}
 * does:
 *
 * <ul>
 *   <li>seek to {@code cutFrom} and drop the frames decoded before it (ffmpeg's accurate seek), with
 *       timestamps shifted so the cut point is 0;
 *   <li>the display-matrix rotation applied first (ffmpeg's autorotate);
 *   <li>an FFmpeg filter graph {@code setpts=speed*PTS,fps=<fps>,scale=W:H[,crop=W:H],format=rgba},
 *       fed with the decoded frames and closed at the end of the last frame, so {@code fps} pads the
 *       tail exactly as the CLI does;
 *   <li>at most {@code round((cutTo−cutFrom)·speed·fps)} frames, ffmpeg's {@code -t} on the output.
 * </ul>
 *
 * <p>VP8/VP9 are decoded with libvpx so that WebM alpha survives (the native decoders drop it).
 * Memory is constant: one packet, two frames and the filter graph's small queues. Decoding uses
 * FFmpeg's automatic thread count. Measured once by hand on the 2-vCPU box: a 1080×1920 H.264 layer
 * read at its own size runs at ≈ 270 frames/s, i.e. far from the encoder's budget.
 */
public final class FfmpegVideoReader implements VideoFrameReader {
  private static final System.Logger LOG = System.getLogger(FfmpegVideoReader.class.getName());

  private final MediaInput input;
  private final AVStream stream;
  private final AVCodecContext decoder;
  private final LayerFilter filterSpec;
  private final long startPts;
  private final long fallbackFrameDuration;
  private final long maxFrames;
  private final AVPacket packet = av_packet_alloc();
  private final AVFrame decoded = av_frame_alloc();
  private final AVFrame filtered = av_frame_alloc();

  private VideoFilterGraph filter;
  private long framesOut;
  private long lastEndPts = AV_NOPTS_VALUE;
  private boolean demuxed;
  private boolean sourceClosed;
  private boolean finished;
  private ByteBuffer lastTarget;
  private BytePointer lastTargetPointer;

  private FfmpegVideoReader(
      MediaInput input, AVStream stream, AVCodecContext decoder, LayerFilter filterSpec, long startPts, long maxFrames) {
    this.input = input;
    this.stream = stream;
    this.decoder = decoder;
    this.filterSpec = filterSpec;
    this.startPts = startPts;
    this.maxFrames = maxFrames;
    this.fallbackFrameDuration = Math.max(1, oneFrameIn(stream));
  }

  /**
   * Opens {@code file} for reading frames of {@code cutFrom..cutTo} (seconds of the source),
   * stretched in time by {@code speed} (Editly's {@code setpts=speed*PTS}: 2 plays at half speed),
   * resampled to {@code fps} and fitted into {@code boxWidth × boxHeight}.
   *
   * @param cutTo end of the cut; past the end of the file the reader simply runs out of frames, and
   *     an infinite value means "to the end"
   */
  public static FfmpegVideoReader open(
      Path file, double cutFrom, double cutTo, double speed, Rational fps, int boxWidth, int boxHeight, Fit fit)
      throws IOException {
    if (!(cutFrom >= 0)) throw new IllegalArgumentException("cutFrom must be >= 0: " + cutFrom);
    if (!(cutTo > cutFrom)) throw new IllegalArgumentException("cutFrom must be lower than cutTo: " + cutFrom + " >= " + cutTo);
    if (!(speed > 0) || Double.isInfinite(speed)) throw new IllegalArgumentException("speed must be positive: " + speed);
    MediaInput input = MediaInput.open(file);
    AVCodecContext decoder = null;
    try {
      AVStream stream = input.firstVideoStream().orElseThrow(() -> new IOException("no video stream in " + file));
      int rotation = MediaInput.clockwiseRotation(stream);
      boolean swap = MediaInput.swapsAxes(rotation);
      int displayWidth = swap ? stream.codecpar().height() : stream.codecpar().width();
      int displayHeight = swap ? stream.codecpar().width() : stream.codecpar().height();
      FitGeometry geometry = FitGeometry.of(displayWidth, displayHeight, boxWidth, boxHeight, fit);
      decoder = openDecoder(stream, file);

      long cutFromMicros = Math.round(cutFrom * AV_TIME_BASE);
      long startMicros = input.startTime() + cutFromMicros;
      if (cutFromMicros > 0) seek(input, startMicros);
      long startPts = av_rescale_q(startMicros, av_make_q(1, AV_TIME_BASE), stream.time_base());
      LayerFilter spec = new LayerFilter(rotation, speed, fps, geometry);
      return new FfmpegVideoReader(input, stream, decoder, spec, startPts, frameLimit((cutTo - cutFrom) * speed, fps));
    } catch (IOException | RuntimeException e) {
      if (decoder != null) avcodec_free_context(decoder);
      input.close();
      throw e;
    }
  }

  /**
   * ffmpeg's {@code -t}: the duration is parsed to microseconds, then rounded to the nearest output
   * frame, and frames with a timestamp below it are kept.
   */
  static long frameLimit(double durationSeconds, Rational fps) {
    if (Double.isInfinite(durationSeconds) || durationSeconds > 1e9) return Long.MAX_VALUE;
    long micros = Math.round(durationSeconds * AV_TIME_BASE);
    long denominator = (long) fps.den() * AV_TIME_BASE;
    return (micros * fps.num() * 2 + denominator) / (2 * denominator);
  }

  @Override
  public int width() {
    return filterSpec.geometry().width();
  }

  @Override
  public int height() {
    return filterSpec.geometry().height();
  }

  @Override
  public boolean read(ByteBuffer dst) {
    int frameBytes = width() * height() * 4;
    if (dst.capacity() < frameBytes) throw new IllegalArgumentException("frame buffer holds " + dst.capacity() + " bytes, needs " + frameBytes);
    if (finished || framesOut >= maxFrames) return false;
    try {
      while (true) {
        if (filter != null && filter.pull(filtered)) {
          copyOut(filtered, dst);
          av_frame_unref(filtered);
          framesOut++;
          return true;
        }
        if ((filter != null && filter.ended()) || !feedOneFrame()) {
          finished = true;
          return false;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("decoding " + input.file() + " failed", e);
    }
  }

  /**
   * Decodes until one frame went into the filter or the filter's input was closed.
   *
   * @return false when there is nothing left to feed
   */
  private boolean feedOneFrame() throws IOException {
    while (!sourceClosed) {
      int received = avcodec_receive_frame(decoder, decoded);
      if (received >= 0) {
        if (push(decoded)) return true;
        continue;
      }
      if (received == AVERROR_EOF) {
        closeSource();
        return filter != null;
      }
      if (received != AVERROR_EAGAIN()) throw FfmpegException.failure(received, "decoding a frame");
      sendNextPacket();
    }
    return false;
  }

  private void sendNextPacket() throws IOException {
    if (demuxed) throw new IllegalStateException("decoder wants input after it was flushed");
    while (true) {
      int read = av_read_frame(input.context(), packet);
      if (read < 0) {
        if (read != AVERROR_EOF) LOG.log(System.Logger.Level.WARNING, "reading {0} stopped early: {1}", input.file(), FfmpegException.describe(read));
        demuxed = true;
        FfmpegException.check(avcodec_send_packet(decoder, null), "flushing the decoder");
        return;
      }
      try {
        if (packet.stream_index() != stream.index()) continue;
        int sent = avcodec_send_packet(decoder, packet);
        // A damaged packet costs one frame, as in the CLI; anything else is fatal.
        if (sent < 0) LOG.log(System.Logger.Level.WARNING, "skipping a damaged packet of {0}: {1}", input.file(), FfmpegException.describe(sent));
        return;
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  /** Shifts the frame to the cut and hands it to the filter; frames before the cut are dropped. */
  private boolean push(AVFrame frame) throws IOException {
    long pts = frame.best_effort_timestamp();
    if (pts == AV_NOPTS_VALUE) pts = frame.pts();
    if (pts == AV_NOPTS_VALUE) pts = lastEndPts == AV_NOPTS_VALUE ? startPts : lastEndPts + startPts;
    long shifted = pts - startPts;
    if (shifted < 0) {
      av_frame_unref(frame);
      return false;
    }
    if (filter == null) filter = filterSpec.open(frame, stream.time_base());
    long duration = frame.duration() > 0 ? frame.duration() : fallbackFrameDuration;
    lastEndPts = Math.max(lastEndPts, shifted + duration);
    frame.pts(shifted);
    filter.push(frame);
    return true;
  }

  private void closeSource() throws IOException {
    sourceClosed = true;
    if (filter != null) filter.endInput(lastEndPts);
  }

  private void copyOut(AVFrame frame, ByteBuffer dst) {
    if (frame.width() != width() || frame.height() != height()) {
      throw new IllegalStateException("filter produced " + frame.width() + "x" + frame.height() + ", expected " + width() + "x" + height());
    }
    int rowBytes = width() * 4;
    int stride = frame.linesize(0);
    BytePointer source = frame.data(0);
    if (dst.isDirect()) {
      BytePointer target = targetPointer(dst);
      if (stride == rowBytes) {
        Pointer.memcpy(target.position(0), source.position(0), (long) rowBytes * height());
      } else {
        for (int y = 0; y < height(); y++) {
          Pointer.memcpy(target.position((long) y * rowBytes), source.position((long) y * stride), rowBytes);
        }
      }
    } else {
      for (int y = 0; y < height(); y++) {
        source.position((long) y * stride).get(dst.array(), dst.arrayOffset() + y * rowBytes, rowBytes);
      }
    }
  }

  private BytePointer targetPointer(ByteBuffer dst) {
    if (dst != lastTarget) {
      lastTarget = dst;
      lastTargetPointer = new BytePointer(dst);
      lastTargetPointer.capacity(dst.capacity()).limit(dst.capacity());
    }
    return lastTargetPointer;
  }

  @Override
  public void close() {
    if (filter != null) {
      filter.close();
      filter = null;
    }
    av_frame_free(decoded);
    av_frame_free(filtered);
    av_packet_free(packet);
    avcodec_free_context(decoder);
    input.close();
    lastTarget = null;
    lastTargetPointer = null;
  }

  private static AVCodecContext openDecoder(AVStream stream, Path file) throws IOException {
    int codecId = stream.codecpar().codec_id();
    // The native VP8/VP9 decoders ignore the alpha plane that WebM stores beside the picture.
    String preferred = codecId == AV_CODEC_ID_VP8 ? "libvpx" : codecId == AV_CODEC_ID_VP9 ? "libvpx-vp9" : null;
    if (preferred != null) {
      AVCodec codec = avcodec_find_decoder_by_name(preferred);
      if (codec != null && !codec.isNull()) {
        try {
          return openDecoder(stream, codec, file);
        } catch (FfmpegException e) {
          LOG.log(System.Logger.Level.WARNING, "{0} cannot decode {1}, using FFmpeg''s decoder: {2}", preferred, file, e.getMessage());
        }
      }
    }
    AVCodec codec = avcodec_find_decoder(codecId);
    if (codec == null || codec.isNull()) throw new IOException("no decoder for the video codec of " + file);
    return openDecoder(stream, codec, file);
  }

  private static AVCodecContext openDecoder(AVStream stream, AVCodec codec, Path file) throws FfmpegException {
    AVCodecContext context = avcodec_alloc_context3(codec);
    try {
      FfmpegException.check(avcodec_parameters_to_context(context, stream.codecpar()), "reading codec parameters of " + file);
      context.pkt_timebase(stream.time_base());
      context.thread_count(0);
      FfmpegException.check(avcodec_open2(context, codec, (AVDictionary) null), "opening decoder " + codec.name().getString() + " for " + file);
      return context;
    } catch (FfmpegException e) {
      avcodec_free_context(context);
      throw e;
    }
  }

  private static void seek(MediaInput input, long micros) {
    int result = avformat_seek_file(input.context(), -1, Long.MIN_VALUE, micros, micros, 0);
    // Without a seek the reader decodes from the start and drops frames up to the cut: slower, same frames.
    if (result < 0) LOG.log(System.Logger.Level.WARNING, "cannot seek in {0}: {1}", input.file(), FfmpegException.describe(result));
  }

  /** One frame at the stream's declared rate, in stream time base: the fallback frame duration. */
  private static long oneFrameIn(AVStream stream) {
    Rational rate = FfmpegProbe.frameRate(stream);
    AVRational frameTime = av_make_q(rate.den(), rate.num());
    return av_rescale_q(1, frameTime, stream.time_base());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FfmpegVideoReader[%s %dx%d, %s]", input.file(), width(), height(), filterSpec);
  }
}
