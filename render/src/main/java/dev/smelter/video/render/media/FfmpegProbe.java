package dev.smelter.video.render.media;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.MediaProbe;
import dev.smelter.video.plan.Rational;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * {@link MediaProbe} on FFmpeg's demuxers, reporting what ffprobe would show Editly: the container
 * duration (else the longest stream), and of the first video stream its displayed size (swapped for
 * ±90° rotation), clockwise rotation, {@code r_frame_rate} and duration; of the first audio stream its
 * sample rate, channels and duration. Stream durations fall back to the container's where the
 * container does not store them per stream (Matroska/WebM).
 */
public final class FfmpegProbe implements MediaProbe {
  /** Used when a stream declares no frame rate at all (ffmpeg's own default for such inputs). */
  private static final Rational FALLBACK_FRAME_RATE = new Rational(25, 1);

  @Override
  public MediaInfo probe(Path file) throws IOException {
    try (MediaInput input = MediaInput.open(file)) {
      Optional<AVStream> video = input.firstVideoStream();
      Optional<AVStream> audio = input.firstAudioStream();
      double duration = input.formatDuration().orElseGet(() -> longestStream(video, audio));
      return new MediaInfo(
          duration,
          video.map(stream -> videoStream(stream, duration)),
          audio.map(stream -> audioStream(stream, duration)));
    }
  }

  /** Whether the file has an audio stream. */
  public static boolean hasAudio(Path file) throws IOException {
    try (MediaInput input = MediaInput.open(file)) {
      return input.firstAudioStream().isPresent();
    }
  }

  private static double longestStream(Optional<AVStream> video, Optional<AVStream> audio) {
    double videoDuration = video.flatMap(MediaInput::streamDuration).orElse(0.0);
    double audioDuration = audio.flatMap(MediaInput::streamDuration).orElse(0.0);
    return Math.max(videoDuration, audioDuration);
  }

  private static MediaInfo.VideoStream videoStream(AVStream stream, double fileDuration) {
    AVCodecParameters parameters = stream.codecpar();
    int rotation = MediaInput.clockwiseRotation(stream);
    boolean swap = MediaInput.swapsAxes(rotation);
    int width = swap ? parameters.height() : parameters.width();
    int height = swap ? parameters.width() : parameters.height();
    return new MediaInfo.VideoStream(
        width, height, rotation, frameRate(stream), MediaInput.streamDuration(stream).orElse(fileDuration));
  }

  private static MediaInfo.AudioStream audioStream(AVStream stream, double fileDuration) {
    AVCodecParameters parameters = stream.codecpar();
    return new MediaInfo.AudioStream(
        parameters.sample_rate(), parameters.ch_layout().nb_channels(), MediaInput.streamDuration(stream).orElse(fileDuration));
  }

  /** ffprobe's {@code r_frame_rate}, else the average rate. */
  static Rational frameRate(AVStream stream) {
    return positive(stream.r_frame_rate()).or(() -> positive(stream.avg_frame_rate())).orElse(FALLBACK_FRAME_RATE);
  }

  private static Optional<Rational> positive(AVRational rate) {
    return rate.num() > 0 && rate.den() > 0 ? Optional.of(new Rational(rate.num(), rate.den())) : Optional.empty();
  }
}
