package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_class;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_get_class;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_AUDIO_PARAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_ENCODING_PARAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_VIDEO_PARAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_FAKE_OBJ;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_find;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_class;
import static org.bytedeco.ffmpeg.global.swscale.sws_get_class;

import dev.smelter.video.plan.OutputOption;
import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.ffmpeg.FfmpegException;
import dev.smelter.video.render.ffmpeg.FfmpegLog;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVClass;
import org.bytedeco.ffmpeg.avutil.AVOption;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Puts the ffmpeg output options the planner left over ({@link EncodeSettings#options()}) where
 * ffmpeg's own option parsing would: an option is looked up with {@code av_opt_find} on the option
 * tables of the video encoder (its generic {@code AVCodecContext} options and its private ones, such
 * as libx264's {@code level}, {@code tune}, {@code x264-params}), of the AAC encoder, and of the MP4
 * muxer ({@code AVFormatContext} and mov's private options, such as {@code movflags}); an option
 * without stream specifier goes to every one that knows it, {@code :v}/{@code :a} only to that
 * encoder. Audio resampler options ({@code swr}: {@code resampler}, {@code dither_method}, ...) go
 * to the resampler that {@code -ar}/{@code -ac} put in front of the AAC encoder.
 *
 * <p>{@link #check} runs before any frame is drawn (CLI, service intake, worker): an option that
 * names nothing anywhere is refused with its JSON path; one that belongs to another encoder
 * (libx264's {@code x264-params} while NVENC encodes) is ignored with a warning, as ffmpeg warns
 * "not used for any stream"; a value a context refuses is refused with the value's path; and, for
 * the software encoders, a trial open of a tiny encoder with every option catches what only the
 * encoder itself validates (a {@code -tune} x264 does not know, a profile the pixel format cannot
 * carry, an AAC sample rate); unknown {@code x264-params} keys are only logged by x264, as in ffmpeg.
 */
public final class OutputOptions {
  private static final System.Logger LOG = System.getLogger(OutputOptions.class.getName());
  private static final int TRIAL_SIZE = 64;
  private static final int VIDEO = AV_OPT_FLAG_ENCODING_PARAM | AV_OPT_FLAG_VIDEO_PARAM;
  private static final int AUDIO = AV_OPT_FLAG_ENCODING_PARAM | AV_OPT_FLAG_AUDIO_PARAM;

  /** Errors (the render must not start) and warnings (options ignored) of one output. */
  public record Check(List<Problem> errors, List<String> warnings) {}

  /** Where an option goes. */
  enum Target { VIDEO_ENCODER, AUDIO_ENCODER, MUXER, RESAMPLER }

  private OutputOptions() {}

  /**
   * {@code plan} with the warnings of {@link #check}, or its errors as a {@link SpecException}:
   * what the CLI, the service's intake and the worker call before any frame is drawn.
   */
  public static RenderPlan checked(RenderPlan plan) throws SpecException {
    Check check = check(plan);
    if (!check.errors().isEmpty()) throw new SpecException(check.errors());
    return plan.withWarnings(check.warnings());
  }

  /** Checks the output options of {@code plan} against the encoder it will most likely use. */
  public static Check check(RenderPlan plan) {
    return check(plan.output(), plan.audio().isPresent());
  }

  /**
   * Checks {@code output}'s options. The video encoder is the forced one, or libx264 (every host has
   * it; a hardware encoder chosen at render time ignores x264's private options with a warning).
   */
  public static Check check(OutputSpec output, boolean hasAudio) {
    return check(output, hasAudio, "customOutputArgs");
  }

  /** As {@link #check(OutputSpec, boolean)}; {@code argsPath} names the arguments as a whole when no single one is to blame. */
  public static Check check(OutputSpec output, boolean hasAudio, String argsPath) {
    List<Problem> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (output.format() != OutputSpec.Format.MP4) {
      output.encode().options().forEach(o -> warnings.add(o.at() + ": -" + o.name() + " is ignored: GIF output has no encoder options"));
      return new Check(errors, warnings);
    }
    EncodeSettings settings = output.encode();
    H264Encoder kind = settings.encoder().filter(n -> !n.isBlank()).flatMap(H264Encoder::byName).orElse(H264Encoder.X264);
    FfmpegLog.install();
    Map<OutputOption, List<Target>> routes = new LinkedHashMap<>();
    try (Contexts contexts = Contexts.open(kind)) {
      for (OutputOption option : settings.options()) {
        List<Target> targets = contexts.targets(option);
        if (!hasAudio && !targets.isEmpty() && targets.stream().allMatch(t -> t == Target.AUDIO_ENCODER || t == Target.RESAMPLER)) {
          warnings.add(option.at() + ": -" + option.name() + " is ignored: this output has no audio stream");
          continue;
        }
        if (!hasAudio) targets.removeIf(t -> t == Target.AUDIO_ENCODER || t == Target.RESAMPLER);
        if (targets.isEmpty()) {
          unplaced(option, kind, hasAudio, errors::add, warnings::add);
          continue;
        }
        for (Target target : targets) {
          int result = contexts.set(target, option);
          if (result < 0) {
            errors.add(new Problem(option.valueAt(), "-" + option.name() + " does not take \"" + option.value() + "\" ("
                + FfmpegException.describe(result) + ")"));
          }
        }
        routes.put(option, targets);
      }
    }
    if (errors.isEmpty()) {
      if (kind == H264Encoder.X264) trialVideo(output, kind, routes, argsPath, errors);
      if (hasAudio) trialAudio(settings, routes, argsPath, errors);
    }
    return new Check(List.copyOf(errors), List.copyOf(warnings));
  }

  /** Why an option that no context of this output takes is an error, or only a warning. */
  private static void unplaced(OutputOption option, H264Encoder kind, boolean hasAudio, Consumer<Problem> error, Consumer<String> warning) {
    String name = "-" + option.name();
    boolean codec = known(avcodec_get_class(), option.name(), AV_OPT_FLAG_ENCODING_PARAM);
    boolean format = known(avformat_get_class(), option.name(), AV_OPT_FLAG_ENCODING_PARAM);
    boolean swr = known(swr_get_class(), option.name(), 0);
    boolean sws = known(sws_get_class(), option.name(), 0);
    if (!codec && !format && !swr && !sws) {
      error.accept(new Problem(option.at(), "unknown output option " + name + ": no FFmpeg encoder, muxer or resampler has it"));
    } else if (swr && !hasAudio) {
      warning.accept(option.at() + ": " + name + " is ignored: this output has no audio stream");
    } else if (sws) {
      warning.accept(option.at() + ": " + name + " is ignored: frames are converted to YUV with fixed swscale settings (BT.601, limited range)");
    } else if (option.stream() == OutputOption.Stream.AUDIO && !hasAudio) {
      warning.accept(option.at() + ": " + name + " is ignored: this output has no audio stream");
    } else {
      warning.accept(option.at() + ": " + name + " is ignored: not an option of " + switch (option.stream()) {
        case VIDEO -> kind.ffmpegName();
        case AUDIO -> "the aac encoder";
        case ANY -> kind.ffmpegName() + ", the aac encoder or the mp4 muxer";
      } + " (it belongs to another encoder or format)");
    }
  }

  /** Opens a tiny libx264 with every option, and blames the first option the open fails with. */
  private static void trialVideo(OutputSpec output, H264Encoder kind, Map<OutputOption, List<Target>> routes, String argsPath,
      List<Problem> errors) {
    List<OutputOption> options = routes.entrySet().stream().filter(e -> e.getValue().contains(Target.VIDEO_ENCODER)).map(Map.Entry::getKey).toList();
    Optional<String> base = openVideo(output, kind, List.of());
    if (base.isPresent()) {
      errors.add(new Problem(argsPath, kind.ffmpegName() + " refuses these settings: " + base.get()));
      return;
    }
    if (options.isEmpty() || openVideo(output, kind, options).isEmpty()) return;
    for (int n = 1; n <= options.size(); n++) {
      Optional<String> failure = openVideo(output, kind, options.subList(0, n));
      if (failure.isPresent()) {
        OutputOption culprit = options.get(n - 1);
        errors.add(new Problem(culprit.valueAt(), kind.ffmpegName() + " refuses -" + culprit.name() + " " + culprit.value() + ": " + failure.get()));
        return;
      }
    }
  }

  private static Optional<String> openVideo(OutputSpec output, H264Encoder kind, List<OutputOption> extra) {
    AVCodec codec = avcodec_find_encoder_by_name(kind.ffmpegName());
    if (codec == null || codec.isNull()) return Optional.of("not compiled into this FFmpeg");
    AVCodecContext context = avcodec_alloc_context3(codec);
    try {
      int format = av_get_pix_fmt(kind.softwarePixelFormat(output.encode()));
      if (format == AV_PIX_FMT_NONE) return Optional.of("unknown pixel format");
      context.width(TRIAL_SIZE).height(TRIAL_SIZE).pix_fmt(format);
      context.time_base(av_make_q(output.fps().den(), output.fps().num()));
      context.framerate(av_make_q(output.fps().num(), output.fps().den()));
      return open(context, codec, videoOptions(kind, output.encode(), extra));
    } finally {
      avcodec_free_context(context);
    }
  }

  private static void trialAudio(EncodeSettings settings, Map<OutputOption, List<Target>> routes, String argsPath, List<Problem> errors) {
    List<OutputOption> options = routes.entrySet().stream().filter(e -> e.getValue().contains(Target.AUDIO_ENCODER)).map(Map.Entry::getKey).toList();
    Optional<String> base = openAudio(settings, List.of());
    if (base.isPresent()) {
      String what = settings.audioSampleRate().isPresent() ? " (-ar " + settings.audioSampleRate().getAsInt() + ")" : "";
      errors.add(new Problem(argsPath, "the aac encoder refuses these settings" + what + ": " + base.get()));
      return;
    }
    if (options.isEmpty() || openAudio(settings, options).isEmpty()) return;
    for (int n = 1; n <= options.size(); n++) {
      Optional<String> failure = openAudio(settings, options.subList(0, n));
      if (failure.isPresent()) {
        OutputOption culprit = options.get(n - 1);
        errors.add(new Problem(culprit.valueAt(), "the aac encoder refuses -" + culprit.name() + " " + culprit.value() + ": " + failure.get()));
        return;
      }
    }
  }

  private static Optional<String> openAudio(EncodeSettings settings, List<OutputOption> extra) {
    AVCodec codec = avcodec_find_encoder_by_name("aac");
    if (codec == null || codec.isNull()) return Optional.of("FFmpeg has no aac encoder");
    AVCodecContext context = avcodec_alloc_context3(codec);
    try {
      int rate = settings.audioSampleRate().orElse(48_000);
      context.sample_fmt(AV_SAMPLE_FMT_FLTP).sample_rate(rate);
      av_channel_layout_default(context.ch_layout(), settings.audioChannels().orElse(2));
      context.time_base(av_make_q(1, rate));
      Map<String, String> options = new LinkedHashMap<>();
      options.put("b", settings.audioBitrate());
      extra.forEach(o -> options.put(o.name(), o.value()));
      return open(context, codec, options);
    } finally {
      avcodec_free_context(context);
    }
  }

  private static Optional<String> open(AVCodecContext context, AVCodec codec, Map<String, String> options) {
    try {
      return FfmpegLog.quietly(() -> {
        FfmpegLog.clearLastError();
        try (CodecOptions dictionary = new CodecOptions(options)) {
          int result = avcodec_open2(context, codec, dictionary.dictionary());
          if (result >= 0) return Optional.<String>empty();
          return Optional.of(FfmpegLog.takeLastError().orElse(FfmpegException.describe(result)));
        }
      });
    } catch (Exception e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /**
   * The options the video encoder {@code kind} opens with: its mapping of {@code settings}, then
   * {@code extra}. x264's memory settings stay in front of a client's {@code x264-params}, whose
   * keys therefore win.
   */
  static Map<String, String> videoOptions(H264Encoder kind, EncodeSettings settings, List<OutputOption> extra) {
    Map<String, String> options = kind.options(settings);
    for (OutputOption o : extra) {
      if (o.name().equals("x264-params") && kind == H264Encoder.X264) {
        options.merge("x264-params", o.value(), (ours, theirs) -> ours + ":" + theirs);
      } else {
        options.put(o.name(), o.value());
      }
    }
    return options;
  }

  /** The options of {@code settings} that {@code context} (an encoder of {@code video} or audio) takes. */
  static List<OutputOption> forEncoder(AVCodecContext context, EncodeSettings settings, boolean video, String encoderName) {
    List<OutputOption> taken = new ArrayList<>();
    OutputOption.Stream own = video ? OutputOption.Stream.VIDEO : OutputOption.Stream.AUDIO;
    for (OutputOption o : settings.options()) {
      if (o.stream() != own && o.stream() != OutputOption.Stream.ANY) continue;
      if (has(context, o.name(), video ? VIDEO : AUDIO)) taken.add(o);
      else if (o.stream() == own) LOG.log(System.Logger.Level.WARNING, "{0}: -{1} is not an option of {2}; ignored", o.at(), o.name(), encoderName);
    }
    return taken;
  }

  /** The options of {@code settings} that the muxer {@code context} takes. */
  static Map<String, String> forMuxer(AVFormatContext context, EncodeSettings settings) {
    Map<String, String> taken = new LinkedHashMap<>();
    for (OutputOption o : settings.options()) {
      if (o.stream() == OutputOption.Stream.ANY && has(context, o.name(), AV_OPT_FLAG_ENCODING_PARAM)) taken.put(o.name(), o.value());
    }
    return taken;
  }

  /** The resampler's options among {@code settings}' audio options. */
  static List<OutputOption> forResampler(EncodeSettings settings) {
    return settings.options().stream()
        .filter(o -> o.stream() != OutputOption.Stream.VIDEO && known(swr_get_class(), o.name(), 0)
            && !known(avcodec_get_class(), o.name(), AUDIO))
        .toList();
  }

  static boolean has(Pointer object, String name, int flags) {
    AVOption option = av_opt_find(object, name, null, flags, AV_OPT_SEARCH_CHILDREN);
    return option != null && !option.isNull();
  }

  /** Whether {@code name} is an option of {@code type} or of any of its children (every codec, every format). */
  private static boolean known(AVClass type, String name, int flags) {
    try (PointerPointer<AVClass> fake = new PointerPointer<>(1)) {
      fake.put(0, type);
      AVOption option = av_opt_find(fake, name, null, flags, AV_OPT_SEARCH_CHILDREN | AV_OPT_SEARCH_FAKE_OBJ);
      return option != null && !option.isNull();
    }
  }

  /** One allocated (never opened) context per target, to look options up and try their values on. */
  private static final class Contexts implements AutoCloseable {
    private AVCodecContext video;
    private AVCodecContext audio;
    private AVFormatContext muxer;
    private SwrContext resampler;

    static Contexts open(H264Encoder kind) {
      Contexts c = new Contexts();
      AVCodec videoCodec = avcodec_find_encoder_by_name(kind.ffmpegName());
      if (videoCodec != null && !videoCodec.isNull()) c.video = avcodec_alloc_context3(videoCodec);
      AVCodec aac = avcodec_find_encoder_by_name("aac");
      if (aac != null && !aac.isNull()) c.audio = avcodec_alloc_context3(aac);
      AVFormatContext format = new AVFormatContext(null);
      if (avformat_alloc_output_context2(format, null, "mp4", (String) null) >= 0) c.muxer = format;
      c.resampler = swr_alloc();
      return c;
    }

    List<Target> targets(OutputOption option) {
      List<Target> targets = new ArrayList<>();
      boolean anyStream = option.stream() == OutputOption.Stream.ANY;
      if (option.stream() != OutputOption.Stream.AUDIO && video != null && has(video, option.name(), VIDEO)) targets.add(Target.VIDEO_ENCODER);
      if (option.stream() != OutputOption.Stream.VIDEO && audio != null && has(audio, option.name(), AUDIO)) targets.add(Target.AUDIO_ENCODER);
      if (anyStream && muxer != null && has(muxer, option.name(), AV_OPT_FLAG_ENCODING_PARAM)) targets.add(Target.MUXER);
      if (targets.isEmpty() && option.stream() != OutputOption.Stream.VIDEO && resampler != null && has(resampler, option.name(), 0)) {
        targets.add(Target.RESAMPLER);
      }
      return targets;
    }

    int set(Target target, OutputOption option) {
      Pointer object = switch (target) {
        case VIDEO_ENCODER -> video;
        case AUDIO_ENCODER -> audio;
        case MUXER -> muxer;
        case RESAMPLER -> resampler;
      };
      return av_opt_set(object, option.name(), option.value(), AV_OPT_SEARCH_CHILDREN);
    }

    @Override
    public void close() {
      if (video != null) avcodec_free_context(video);
      if (audio != null) avcodec_free_context(audio);
      if (muxer != null) avformat_free_context(muxer);
      if (resampler != null) swr_free(resampler);
    }
  }
}
