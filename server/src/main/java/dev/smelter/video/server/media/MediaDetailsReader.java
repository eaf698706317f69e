package dev.smelter.video.server.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import dev.smelter.video.render.ffmpeg.FfmpegLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/** Reads {@link MediaDetails} with FFmpeg's demuxers (libavformat), like ffprobe would. */
public final class MediaDetailsReader {
  public MediaDetails read(Path file) throws IOException {
    FfmpegLog.install();
    AVFormatContext ctx = new AVFormatContext(null);
    try (BytePointer url = new BytePointer(file.toAbsolutePath().toString(), StandardCharsets.UTF_8)) {
      if (avformat_open_input(ctx, url, null, null) < 0) throw new IOException("cannot read media file " + file.getFileName());
    }
    try {
      if (avformat_find_stream_info(ctx, (PointerPointer<?>) null) < 0) throw new IOException("cannot read stream info of " + file.getFileName());
      Optional<MediaDetails.Video> video = Optional.empty();
      Optional<MediaDetails.Audio> audio = Optional.empty();
      for (int i = 0; i < ctx.nb_streams(); i++) {
        AVStream s = ctx.streams(i);
        AVCodecParameters p = s.codecpar();
        if (p.codec_type() == AVMEDIA_TYPE_VIDEO && video.isEmpty()) {
          video = Optional.of(new MediaDetails.Video(codec(p), p.width(), p.height(), rate(s.r_frame_rate()), positive(p.bit_rate())));
        } else if (p.codec_type() == AVMEDIA_TYPE_AUDIO && audio.isEmpty()) {
          audio = Optional.of(new MediaDetails.Audio(codec(p), p.ch_layout().nb_channels(), p.sample_rate(), positive(p.bit_rate())));
        }
      }
      double duration = ctx.duration() == AV_NOPTS_VALUE || ctx.duration() <= 0 ? 0 : ctx.duration() / (double) AV_TIME_BASE;
      String format = ctx.iformat().name().getString();
      return new MediaDetails(duration, positive(ctx.bit_rate()), format, video, audio);
    } finally {
      avformat_close_input(ctx);
    }
  }

  private static String codec(AVCodecParameters p) {
    BytePointer name = avcodec_get_name(p.codec_id());
    return name == null ? "unknown" : name.getString();
  }

  private static double rate(AVRational r) {
    return r.den() == 0 ? 0 : r.num() / (double) r.den();
  }

  private static OptionalLong positive(long v) {
    return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
  }
}
