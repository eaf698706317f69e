package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.MediaInspector;
import dev.smelter.video.render.media.MediaInspector.Facts;
import dev.smelter.video.render.media.SineWave;
import dev.smelter.video.render.media.TestVideos;
import dev.smelter.video.spec.Diagnostics;
import dev.smelter.video.spec.EncodeSettingsResolver;
import dev.smelter.video.spec.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's seven distinct {@code customOutputArgs} sets (every payload the user's workflows send,
 * docs/compatibility.md), plus GOP and B-frame options, rendered for real: the files show their
 * effect (profile, level, sample rate, channels, keyframe interval, B-frames), and bad or misplaced
 * options are refused or warned about with their index before anything is encoded.
 */
class OutputOptionsTest {
  private static final int W = 64;
  private static final int H = 112;
  private static final Rational FPS = new Rational(10, 1);
  private static final int FRAMES = 30;

  @TempDir Path dir;

  /** What a spec's customOutputArgs become, as the planner resolves them. */
  private static EncodeSettings settings(Diagnostics diag, String... args) {
    EncodeSettings settings = EncodeSettingsResolver.apply(EncodeSettingsResolver.defaults(false), List.of(args), diag);
    assertThat(diag.errors()).as("spec-level problems").isEmpty();
    return settings;
  }

  private static EncodeSettings settings(String... args) {
    return settings(new Diagnostics(), args);
  }

  /** Renders 3 s of frames with 3 s of 48 kHz stereo sine after checking the options; returns the file. */
  private Path render(String name, EncodeSettings settings) throws IOException {
    Path file = dir.resolve(name + ".mp4");
    OutputSpec spec = TestVideos.mp4(file, W, H, FPS, settings);
    OutputOptions.Check check = OutputOptions.check(spec, true);
    assertThat(check.errors()).as(name).isEmpty();
    try (SineWave sine = new SineWave(48_000, 2, FRAMES / 10.0, 440, 0.5f);
        OutputWriter writer = OutputWriter.open(file, spec, Optional.of(sine))) {
      ByteBuffer rgba = ByteBuffer.allocateDirect(W * H * 4);
      for (int i = 0; i < FRAMES; i++) {
        TestVideos.indexColours().paint(i, rgba, W, H);
        writer.writeFrame(rgba);
      }
      writer.finish();
    }
    return file;
  }

  /** What ffprobe -show_streams/-show_packets would say about the video stream. */
  record VideoStream(int level, List<Integer> keyframes, boolean reordered) {}

  private static VideoStream videoStream(Path file) throws IOException {
    AVFormatContext context = new AVFormatContext(null);
    if (avformat_open_input(context, file.toString(), null, null) < 0) throw new IOException("cannot open " + file);
    AVPacket packet = av_packet_alloc();
    try {
      avformat_find_stream_info(context, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
      int video = -1;
      for (int i = 0; i < context.nb_streams(); i++) {
        if (context.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) video = i;
      }
      int level = context.streams(video).codecpar().level();
      List<Integer> keyframes = new ArrayList<>();
      boolean reordered = false;
      long lastPts = Long.MIN_VALUE;
      int index = 0;
      while (av_read_frame(context, packet) >= 0) {
        if (packet.stream_index() == video) {
          if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) keyframes.add(index);
          if (packet.pts() < lastPts) reordered = true; // a B-frame shows before the frame decoded ahead of it
          lastPts = Math.max(lastPts, packet.pts());
          index++;
        }
        av_packet_unref(packet);
      }
      return new VideoStream(level, keyframes, reordered);
    } finally {
      av_packet_free(packet);
      avformat_close_input(context);
    }
  }

  @Test
  void theUsersHighQualitySetsSetProfileLevelSampleRateAndChannels() throws IOException {
    for (String crf : List.of("20", "18")) {
      Path file = render("hq" + crf, settings("-c:v", "libx264", "-preset", "medium", "-crf", crf, "-profile:v", "high", "-level", "4.0",
          "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", "-threads", "0"));
      Facts facts = MediaInspector.inspect(file);
      assertThat(facts.video().orElseThrow().profile()).isEqualTo("High");
      assertThat(videoStream(file).level()).isEqualTo(40);
      assertThat(facts.audio().orElseThrow().sampleRate()).isEqualTo(48_000);
      assertThat(facts.audio().orElseThrow().channels()).isEqualTo(2);
      assertThat(MediaInspector.topLevelBoxes(file)).containsSubsequence("moov", "mdat");
    }
  }

  @Test
  void thePerfectAudioSetKeepsAacForCopyWithAWarning() throws IOException {
    Diagnostics diag = new Diagnostics();
    Path file = render("copy", settings(diag, "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-profile:v", "high", "-level", "4.0",
        "-pix_fmt", "yuv420p", "-c:a", "copy", "-movflags", "+faststart", "-threads", "0"));
    assertThat(diag.warnings()).extracting(Problem::toString)
        .containsExactly("customOutputArgs[13]: \"copy\" has no input stream to copy in-process: the mixed audio is encoded as AAC (ignored)");
    assertThat(MediaInspector.inspect(file).audio().orElseThrow().codec()).isEqualTo("aac");
    assertThat(videoStream(file).level()).isEqualTo(40);
  }

  @Test
  void theFastDecodeSetResamplesTo22050AndAppliesX264Params() throws IOException {
    Path file = render("fastdecode", settings("-c:v", "libx264", "-preset", "ultrafast", "-crf", "28", "-threads", "0", "-thread_type",
        "slice+frame", "-c:a", "aac", "-b:a", "96k", "-ar", "22050", "-ac", "2", "-x264-params",
        "threads=0:sliced-threads=1:frame-threads=8:ref=1:subme=1:me=dia", "-movflags", "+faststart", "-tune", "fastdecode"));
    Facts facts = MediaInspector.inspect(file);
    assertThat(facts.audio().orElseThrow().sampleRate()).isEqualTo(22_050);
    assertThat(facts.audio().orElseThrow().channels()).isEqualTo(2);
    // the whole 3 s of sound survives resampling (AAC adds its priming frame, at most 1024 samples)
    assertThat(facts.audio().orElseThrow().decodedSamples()).isBetween(3L * 22_050, 3L * 22_050 + 2048);
    assertThat(videoStream(file).reordered()).isFalse(); // ultrafast: no B-frames
  }

  @Test
  void theEditlyStyleSetsRender() throws IOException {
    Diagnostics diag = new Diagnostics();
    Path restored = render("restored", settings(diag, "-c:v", "libx264", "-preset", "medium", "-crf", "23", "-movflags", "+faststart",
        "-avoid_negative_ts", "make_zero", "-max_muxing_queue_size", "2048"));
    assertThat(diag.warnings()).extracting(Problem::toString).singleElement().asString()
        .startsWith("customOutputArgs[10]: -max_muxing_queue_size 2048 is ignored");
    assertThat(MediaInspector.topLevelBoxes(restored)).containsSubsequence("moov", "mdat");
    Path fast = render("fast", settings("-preset", "fast", "-movflags", "+faststart", "-pix_fmt", "yuv420p"));
    Path medium = render("medium", settings("-preset", "medium", "-pix_fmt", "yuv420p"));
    for (Path file : List.of(fast, medium)) {
      assertThat(MediaInspector.inspect(file).video().orElseThrow().frames()).isEqualTo(FRAMES);
    }
  }

  @Test
  void gopBFramesBaselineAndMonoShowInTheFile() throws IOException {
    Path file = render("gop", settings("-g", "5", "-sc_threshold", "0", "-bf", "0", "-profile:v", "baseline", "-level", "3.0", "-ar", "44100", "-ac", "1",
        "-maxrate", "500k", "-bufsize", "1M"));
    VideoStream video = videoStream(file);
    assertThat(video.keyframes()).containsExactly(0, 5, 10, 15, 20, 25);
    assertThat(video.reordered()).isFalse();
    assertThat(video.level()).isEqualTo(30);
    Facts facts = MediaInspector.inspect(file);
    assertThat(facts.video().orElseThrow().profile()).isEqualTo("Constrained Baseline");
    assertThat(facts.audio().orElseThrow().sampleRate()).isEqualTo(44_100);
    assertThat(facts.audio().orElseThrow().channels()).isEqualTo(1);
    // the same encoder with B-frames asked for reorders them: the check above can fail
    assertThat(videoStream(render("bframes", settings("-preset", "medium", "-bf", "3", "-g", "50"))).reordered()).isTrue();
  }

  @Test
  void optionsNoContextKnowsAreRefusedWithTheirIndex() {
    EncodeSettings settings = settings("-preset", "fast", "-tunee", "film", "-g", "abc", "-zerolatency", "1", "-avoid_negative_ts", "sometimes");
    OutputOptions.Check check = OutputOptions.check(TestVideos.mp4(dir.resolve("x.mp4"), W, H, FPS, settings), true);
    assertThat(check.errors()).extracting(Problem::toString).containsExactly(
        "customOutputArgs[2]: unknown output option -tunee: no FFmpeg encoder, muxer or resampler has it",
        "customOutputArgs[5]: -g does not take \"abc\" (Invalid argument)",
        "customOutputArgs[9]: -avoid_negative_ts does not take \"sometimes\" (Invalid argument)");
    // NVENC's zerolatency is a real option, of another encoder: ffmpeg warns it is unused, so do we
    assertThat(check.warnings()).singleElement().asString().startsWith("customOutputArgs[6]: -zerolatency is ignored: not an option of libx264");
  }

  @Test
  void whatOnlyTheEncoderValidatesIsFoundByATrialOpen() {
    // -tune is a string to libav; only x264 knows its names
    EncodeSettings settings = settings("-crf", "20", "-g", "12", "-tune", "filmm");
    OutputOptions.Check check = OutputOptions.check(TestVideos.mp4(dir.resolve("x.mp4"), W, H, FPS, settings), true);
    assertThat(check.errors()).singleElement().asString().startsWith("customOutputArgs[5]: libx264 refuses -tune filmm: ");
    // settings that cannot go together are the settings' fault, not one option's
    OutputOptions.Check profile = OutputOptions.check(TestVideos.mp4(dir.resolve("x.mp4"), W, H, FPS,
        settings("-profile:v", "baseline", "-pix_fmt", "yuv444p")), true);
    assertThat(profile.errors()).singleElement().asString().startsWith("customOutputArgs: libx264 refuses these settings: ");
    OutputOptions.Check rate = OutputOptions.check(TestVideos.mp4(dir.resolve("x.mp4"), W, H, FPS, settings("-ar", "12345")), true);
    assertThat(rate.errors()).singleElement().asString().startsWith("customOutputArgs: the aac encoder refuses these settings (-ar 12345): ");
  }

  @Test
  void audioOptionsWithoutAudioAreOnlyWarnings() {
    EncodeSettings settings = settings("-profile:a", "aac_low", "-cutoff", "15000");
    OutputOptions.Check check = OutputOptions.check(TestVideos.mp4(dir.resolve("x.mp4"), W, H, FPS, settings), false);
    assertThat(check.errors()).isEmpty();
    assertThat(check.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("this output has no audio stream"));
  }
}
