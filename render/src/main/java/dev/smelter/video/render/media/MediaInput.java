package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegException;
import dev.smelter.video.render.ffmpeg.FfmpegLog;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** An opened, probed media file (demuxer context); the common start of probing and decoding. */
final class MediaInput implements AutoCloseable {
  private final Path file;
  private AVFormatContext context;

  private MediaInput(Path file, AVFormatContext context) {
    this.file = file;
    this.context = context;
  }

  static MediaInput open(Path file) throws IOException {
    FfmpegLog.install();
    if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "media file not found");
    if (!Files.isReadable(file)) throw new IOException("media file is not readable: " + file);
    FfmpegLog.clearLastError();
    AVFormatContext context = new AVFormatContext(null);
    int result;
    try (BytePointer url = new BytePointer(file.toAbsolutePath().toString(), StandardCharsets.UTF_8)) {
      result = avformat_open_input(context, url, null, null);
    }
    if (result < 0) throw FfmpegException.failure(result, "cannot read media file " + file);
    MediaInput input = new MediaInput(file, context);
    result = avformat_find_stream_info(context, (PointerPointer<?>) null);
    if (result < 0) {
      input.close();
      throw FfmpegException.failure(result, "cannot read stream info of " + file);
    }
    return input;
  }

  Path file() {
    return file;
  }

  AVFormatContext context() {
    return context;
  }

  /** The first video stream that is a moving picture (cover art of audio files is skipped). */
  Optional<AVStream> firstVideoStream() {
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
          && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) return Optional.of(stream);
    }
    return Optional.empty();
  }

  Optional<AVStream> firstAudioStream() {
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      if (stream.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) return Optional.of(stream);
    }
    return Optional.empty();
  }

  /** Container duration in seconds, or empty when the container does not know it. */
  Optional<Double> formatDuration() {
    long duration = context.duration();
    return duration == AV_NOPTS_VALUE || duration <= 0 ? Optional.empty() : Optional.of(duration / (double) AV_TIME_BASE);
  }

  /** Stream duration in seconds, or empty when the stream does not carry one (e.g. Matroska). */
  static Optional<Double> streamDuration(AVStream stream) {
    long duration = stream.duration();
    if (duration == AV_NOPTS_VALUE || duration <= 0) return Optional.empty();
    return Optional.of(duration * seconds(stream.time_base()));
  }

  /** The file's first timestamp in AV_TIME_BASE units (0 when unknown), which ffmpeg subtracts. */
  long startTime() {
    long start = context.start_time();
    return start == AV_NOPTS_VALUE ? 0 : start;
  }

  static double seconds(AVRational timeBase) {
    return timeBase.num() / (double) timeBase.den();
  }

  /**
   * The clockwise rotation, in whole degrees in [0, 360), that the display matrix asks for, i.e. the
   * angle ffmpeg's autorotate turns the picture by (a phone portrait clip: ffprobe shows
   * {@code rotation -90}, this returns 90).
   */
  static int clockwiseRotation(AVStream stream) {
    AVCodecParameters parameters = stream.codecpar();
    AVPacketSideData sideData =
        av_packet_side_data_get(parameters.coded_side_data(), parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
    if (sideData == null || sideData.isNull() || sideData.size() < 9 * 4) return 0;
    double counterClockwise = av_display_rotation_get(new IntPointer(sideData.data()));
    if (Double.isNaN(counterClockwise)) return 0;
    long clockwise = Math.round(-counterClockwise) % 360;
    return (int) (clockwise < 0 ? clockwise + 360 : clockwise);
  }

  /** Whether a rotation turns the picture on its side, so displayed width and height swap. */
  static boolean swapsAxes(int clockwiseRotation) {
    return clockwiseRotation == 90 || clockwiseRotation == 270;
  }

  @Override
  public void close() {
    if (context != null) {
      avformat_close_input(context);
      context = null;
    }
  }
}
