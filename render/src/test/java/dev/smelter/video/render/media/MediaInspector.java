package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.smelter.video.plan.Rational;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** Test-side ffprobe: facts about a written file, established by decoding it independently. */
public final class MediaInspector {
  public record VideoFacts(String codec, String profile, String pixelFormat, int width, int height, int frames, double duration, Rational frameRate) {}

  public record AudioFacts(String codec, int sampleRate, int channels, double duration, long decodedSamples) {}

  public record Facts(double duration, Optional<VideoFacts> video, Optional<AudioFacts> audio) {}

  private MediaInspector() {}

  public static Facts inspect(Path file) throws IOException {
    try (MediaInput input = MediaInput.open(file)) {
      double duration = input.formatDuration().orElse(0.0);
      Optional<VideoFacts> video = Optional.empty();
      Optional<AudioFacts> audio = Optional.empty();
      Optional<AVStream> videoStream = input.firstVideoStream();
      if (videoStream.isPresent()) {
        AVStream stream = videoStream.get();
        AVCodecParameters par = stream.codecpar();
        int[] frames = {0};
        decode(file, AVMEDIA_TYPE_VIDEO, frame -> frames[0]++);
        BytePointer profile = avcodec_profile_name(par.codec_id(), par.profile());
        video = Optional.of(new VideoFacts(
            avcodec_get_name(par.codec_id()).getString(),
            profile == null || profile.isNull() ? "" : profile.getString(),
            av_get_pix_fmt_name(par.format()).getString(),
            par.width(), par.height(), frames[0],
            MediaInput.streamDuration(stream).orElse(duration),
            FfmpegProbe.frameRate(stream)));
      }
      Optional<AVStream> audioStream = input.firstAudioStream();
      if (audioStream.isPresent()) {
        AVStream stream = audioStream.get();
        AVCodecParameters par = stream.codecpar();
        long[] samples = {0};
        decode(file, AVMEDIA_TYPE_AUDIO, frame -> samples[0] += frame.nb_samples());
        audio = Optional.of(new AudioFacts(
            avcodec_get_name(par.codec_id()).getString(), par.sample_rate(), par.ch_layout().nb_channels(),
            MediaInput.streamDuration(stream).orElse(duration), samples[0]));
      }
      return new Facts(duration, video, audio);
    }
  }

  /** RGBA of pixel (x, y) in decoded video frame {@code index} (0-based, decode order = display for our files). */
  public static int[] pixel(Path file, int index, int x, int y) throws IOException {
    int[][] result = {null};
    int[] seen = {0};
    decode(file, AVMEDIA_TYPE_VIDEO, frame -> {
      if (seen[0]++ == index) result[0] = rgbaAt(frame, x, y);
    });
    if (result[0] == null) throw new IOException("file has only " + seen[0] + " frames, wanted frame " + index);
    return result[0];
  }

  private static int[] rgbaAt(AVFrame frame, int x, int y) {
    int w = frame.width();
    int h = frame.height();
    SwsContext sws = sws_getContext(w, h, frame.format(), w, h, AV_PIX_FMT_RGBA, SWS_POINT, null, null, (DoublePointer) null);
    try (BytePointer rgba = new BytePointer((long) w * h * 4);
        PointerPointer<BytePointer> planes = new PointerPointer<>(4);
        IntPointer strides = new IntPointer(4)) {
      planes.put(0, rgba);
      strides.put(0, w * 4);
      sws_scale(sws, frame.data(), frame.linesize(), 0, h, planes, strides);
      long offset = ((long) y * w + x) * 4;
      return new int[] {
        rgba.get(offset) & 0xff, rgba.get(offset + 1) & 0xff, rgba.get(offset + 2) & 0xff, rgba.get(offset + 3) & 0xff
      };
    } finally {
      sws_freeContext(sws);
    }
  }

  /** Decodes every frame of the first stream of {@code mediaType} (libvpx for VP8/VP9, keeping alpha). */
  public static void decode(Path file, int mediaType, Consumer<AVFrame> onFrame) throws IOException {
    try (MediaInput input = MediaInput.open(file)) {
      AVStream stream = (mediaType == AVMEDIA_TYPE_VIDEO ? input.firstVideoStream() : input.firstAudioStream())
          .orElseThrow(() -> new IOException("no such stream in " + file));
      String name = avcodec_get_name(stream.codecpar().codec_id()).getString();
      AVCodec codec = switch (name) {
        case "vp8" -> avcodec_find_decoder_by_name("libvpx");
        case "vp9" -> avcodec_find_decoder_by_name("libvpx-vp9");
        default -> avcodec_find_decoder(stream.codecpar().codec_id());
      };
      AVCodecContext decoder = avcodec_alloc_context3(codec);
      AVPacket packet = av_packet_alloc();
      AVFrame frame = av_frame_alloc();
      try {
        avcodec_parameters_to_context(decoder, stream.codecpar());
        decoder.pkt_timebase(stream.time_base());
        FfmpegException.check(avcodec_open2(decoder, codec, (AVDictionary) null), "open decoder");
        while (av_read_frame(input.context(), packet) >= 0) {
          if (packet.stream_index() == stream.index()) {
            FfmpegException.check(avcodec_send_packet(decoder, packet), "send");
            receiveAll(decoder, frame, onFrame);
          }
          av_packet_unref(packet);
        }
        avcodec_send_packet(decoder, null);
        receiveAll(decoder, frame, onFrame);
      } finally {
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(decoder);
      }
    }
  }

  private static void receiveAll(AVCodecContext decoder, AVFrame frame, Consumer<AVFrame> onFrame) throws IOException {
    while (true) {
      int result = avcodec_receive_frame(decoder, frame);
      if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) return;
      FfmpegException.check(result, "receive");
      onFrame.accept(frame);
    }
  }

  /** The top-level box types of an MP4 file, in file order (moov before mdat = faststart). */
  public static List<String> topLevelBoxes(Path mp4) throws IOException {
    List<String> boxes = new ArrayList<>();
    try (InputStream in = Files.newInputStream(mp4); DataInputStream data = new DataInputStream(in)) {
      long remaining = Files.size(mp4);
      while (remaining >= 8) {
        long size = data.readInt() & 0xffffffffL;
        byte[] type = data.readNBytes(4);
        long header = 8;
        if (size == 1) {
          size = data.readLong();
          header = 16;
        } else if (size == 0) {
          size = remaining;
        }
        boxes.add(new String(type, StandardCharsets.US_ASCII));
        data.skipNBytes(size - header);
        remaining -= size;
      }
    }
    return boxes;
  }
}
