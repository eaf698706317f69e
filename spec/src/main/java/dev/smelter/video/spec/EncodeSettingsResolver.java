package dev.smelter.video.spec;

import dev.smelter.video.plan.OutputOption;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Encoder settings: our measured defaults, Editly's {@code fast} preview, and {@code customOutputArgs}
 * read the way ffmpeg reads output options.
 *
 * <p>The settings every encoder maps in its own way (preset, crf, bitrates, pix_fmt, H.264 profile,
 * encoder name, faststart) and the ffmpeg command-line options that are not libav options at all
 * ({@code -ar}, {@code -ac}, the codec names) are interpreted here. Every other option becomes an
 * {@link OutputOption} that the render module routes to the libav context that knows it (encoder,
 * its private options, muxer) and refuses there, with its JSON path, when no context does. Options
 * that only make sense to the ffmpeg program ({@code -y}, {@code -f}, {@code -i}, {@code -loglevel},
 * a second output file...) are ignored with a warning: one render writes one file from its own
 * frames.
 */
public final class EncodeSettingsResolver {
  /**
   * Default x264 preset and CRF, chosen by measurement (docs/performance.md, "Encoder settings"):
   * veryfast at CRF 16 scores a higher SSIM against a lossless render than Editly's medium/CRF 18,
   * at ≈1.1× the size and half the CPU time.
   */
  public static final String DEFAULT_PRESET = "veryfast";

  public static final double DEFAULT_CRF = 16;

  /** Editly's exact encoder settings, for like-for-like comparisons. */
  public static final EncodeSettings EDITLY = new EncodeSettings(Optional.of("libx264"), "medium", 18, Optional.empty(), "yuv420p", "high", "128k", true);

  /**
   * The H.264 encoders the renderer can drive (its {@code H264Encoder}, in order of preference);
   * {@code -c:v} must name one of them, so a typo is refused before rendering, not when opening it.
   */
  public static final List<String> H264_ENCODERS = List.of("h264_nvenc", "h264_qsv", "h264_vaapi", "h264_vulkan", "libx264");

  /** The JSON path prefix of a spec's own arguments. */
  public static final String CLIENT_ARGS = "customOutputArgs";

  private static final Set<String> PRESETS = Set.of(
      "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo");
  private static final Set<String> PIX_FMTS = Set.of("yuv420p", "yuvj420p", "yuv422p", "yuv444p", "nv12");
  private static final Set<String> PROFILES = Set.of("baseline", "main", "high", "high10", "high422", "high444");

  /** ffmpeg program switches without a value: nothing to do in-process. */
  private static final Set<String> SWITCHES = Set.of(
      "y", "n", "an", "vn", "sn", "dn", "shortest", "hide_banner", "nostdin", "stdin", "stats", "nostats", "benchmark",
      "benchmark_all", "copyts", "start_at_zero", "xerror", "ignore_unknown", "copy_unknown", "re", "dump", "hex",
      "debug_ts", "bitexact", "nobitexact", "reinit_filter", "autorotate", "noautorotate", "autoscale", "noautoscale");

  /**
   * ffmpeg program options with a value that have no meaning for a render writing its own frames to
   * the spec's one output, with the reason given in the warning.
   */
  private static final Map<String, String> PROGRAM_OPTIONS = Map.ofEntries(
      Map.entry("f", "the container follows outPath (MP4, or GIF for .gif)"),
      Map.entry("i", "a render has no ffmpeg inputs; the spec's layers are its input"),
      Map.entry("loglevel", "FFmpeg's log goes to the render log"),
      Map.entry("v", "FFmpeg's log goes to the render log"),
      Map.entry("report", "FFmpeg's log goes to the render log"),
      Map.entry("progress", "progress is reported by the render itself"),
      Map.entry("stats_period", "progress is reported by the render itself"),
      Map.entry("max_muxing_queue_size", "there is no muxing queue in-process: packets are written as they are encoded"),
      Map.entry("muxing_queue_data_threshold", "there is no muxing queue in-process: packets are written as they are encoded"),
      Map.entry("thread_queue_size", "there is no demuxer queue in-process"),
      Map.entry("filter_threads", "no ffmpeg filter graph runs on the output"),
      Map.entry("filter_complex_threads", "no ffmpeg filter graph runs on the output"),
      Map.entry("vf", "no ffmpeg filter graph runs on the output; the spec's layers draw every frame"),
      Map.entry("af", "no ffmpeg filter graph runs on the output; the spec's audio options shape the sound"),
      Map.entry("filter", "no ffmpeg filter graph runs on the output"),
      Map.entry("filter_complex", "no ffmpeg filter graph runs on the output"),
      Map.entry("lavfi", "no ffmpeg filter graph runs on the output"),
      Map.entry("filter_script", "no ffmpeg filter graph runs on the output"),
      Map.entry("map", "the output always has the rendered video and, when there is sound, the mixed audio"),
      Map.entry("map_metadata", "there is no input to copy metadata from"),
      Map.entry("map_chapters", "there is no input to copy chapters from"),
      Map.entry("r", "the spec's fps sets the frame rate"),
      Map.entry("fpsmax", "the spec's fps sets the frame rate"),
      Map.entry("fps_mode", "frames are written at exactly the spec's fps"),
      Map.entry("vsync", "frames are written at exactly the spec's fps"),
      Map.entry("s", "the spec's width and height set the size"),
      Map.entry("aspect", "pixels are square, as in Editly"),
      Map.entry("t", "the spec's clips set the length"),
      Map.entry("to", "the spec's clips set the length"),
      Map.entry("ss", "the spec's clips set the length"),
      Map.entry("fs", "the spec's clips set the length"),
      Map.entry("frames", "the spec's clips set the length"),
      Map.entry("vframes", "the spec's clips set the length"),
      Map.entry("aframes", "the spec's clips set the length"),
      Map.entry("tag", "MP4 uses its standard codec tags (avc1, mp4a)"),
      Map.entry("vtag", "MP4 uses its standard codec tags (avc1, mp4a)"),
      Map.entry("atag", "MP4 uses its standard codec tags (avc1, mp4a)"),
      Map.entry("metadata", "output metadata is not written"),
      Map.entry("disposition", "stream dispositions are not written"),
      Map.entry("sample_fmt", "the AAC encoder takes planar float, its only format"),
      Map.entry("apad", "the audio keeps the mix's own length"),
      Map.entry("async", "the audio keeps the mix's own timing"));

  private EncodeSettingsResolver() {}

  public static EncodeSettings defaults(boolean fast) {
    return new EncodeSettings(Optional.empty(), fast ? "ultrafast" : DEFAULT_PRESET, DEFAULT_CRF, Optional.empty(), "yuv420p", "high", "128k", true);
  }

  /** The spec's settings; {@code serverArgs} (the service's, checked at its start) apply first. */
  static EncodeSettings resolve(EditSpec spec, List<String> serverArgs, Diagnostics diag) {
    EncodeSettings s = defaults(spec.fast());
    if (!serverArgs.isEmpty()) s = apply(s, serverArgs, "server-args", diag);
    if (spec.customOutputArgs().isEmpty()) return s;
    return apply(s, spec.customOutputArgs().get(), CLIENT_ARGS, diag);
  }

  /** Applies ffmpeg-style output args ({@code ["-preset", "medium", "-crf", "23"]}) of a spec. */
  public static EncodeSettings apply(EncodeSettings s, List<String> args, Diagnostics diag) {
    return apply(s, args, CLIENT_ARGS, diag);
  }

  /**
   * Applies ffmpeg-style output args; problems name {@code path[i]}, {@code i} being the index in
   * {@code args} itself. Later options win, as in ffmpeg.
   */
  public static EncodeSettings apply(EncodeSettings s, List<String> args, String path, Diagnostics diag) {
    return new Reading(s, path, diag).read(args);
  }

  /** One pass over an argument list; problems and warnings go to {@code diag}. */
  private static final class Reading {
    private final String path;
    private final Diagnostics diag;
    private Optional<String> encoder;
    private String preset;
    private double crf;
    private Optional<String> bitrate;
    private String pixFmt;
    private String profile;
    private String audioBitrate;
    private boolean faststart;
    private OptionalInt sampleRate;
    private OptionalInt channels;
    private final List<OutputOption> options;
    private boolean profileGiven;

    Reading(EncodeSettings s, String path, Diagnostics diag) {
      this.path = path;
      this.diag = diag;
      encoder = s.encoder();
      preset = s.preset();
      crf = s.crf();
      bitrate = s.videoBitrate();
      pixFmt = s.pixelFormat();
      profile = s.profile();
      audioBitrate = s.audioBitrate();
      faststart = s.faststart();
      sampleRate = s.audioSampleRate();
      channels = s.audioChannels();
      options = new ArrayList<>(s.options());
    }

    private String at(int i) {
      return path + "[" + i + "]";
    }

    EncodeSettings read(List<String> args) {
      int i = 0;
      while (i < args.size()) {
        String token = args.get(i);
        String at = at(i);
        if (!token.startsWith("-") || token.length() < 2) {
          diag.warn(at, "\"" + token + "\" is not an option; ffmpeg would take it as a second output file, and a render writes "
              + "only its outPath (ignored)");
          i++;
          continue;
        }
        String option = token.substring(1);
        int colon = option.indexOf(':');
        String name = colon < 0 ? option : option.substring(0, colon);
        Optional<String> specifier = colon < 0 ? Optional.empty() : Optional.of(option.substring(colon + 1));
        if (SWITCHES.contains(name) && specifier.isEmpty()) {
          diag.warn(at, token + " is an ffmpeg program switch with no meaning for an in-process render (ignored)");
          i++;
          continue;
        }
        if (i + 1 >= args.size()) {
          diag.error(at, "option " + token + " has no value");
          break;
        }
        String value = args.get(i + 1);
        option(token, name, specifier, value, at, at(i + 1));
        i += 2;
      }
      // x264 encodes CRF 0 losslessly, which the High profile cannot express.
      if (crf == 0 && bitrate.isEmpty() && !profileGiven) profile = "high444";
      return new EncodeSettings(encoder, preset, crf, bitrate, pixFmt, profile, audioBitrate, faststart, sampleRate, channels, options);
    }

    private void option(String token, String name, Optional<String> specifier, String value, String at, String vat) {
      // ffmpeg's own spellings of stream-specific options.
      OutputOption.Stream stream = switch (name) {
        case "vcodec", "vb", "vprofile", "vpre" -> OutputOption.Stream.VIDEO;
        case "acodec", "ab", "ar", "ac", "aq", "apre" -> OutputOption.Stream.AUDIO;
        default -> OutputOption.Stream.ANY;
      };
      name = switch (name) {
        case "vcodec", "acodec", "codec" -> "c";
        case "vb", "ab" -> "b";
        case "vprofile" -> "profile";
        case "vpre", "apre", "fpre" -> "pre";
        case "aq" -> "q";
        case "filter" -> specifier.map(s -> s.startsWith("a") ? "af" : "vf").orElse("vf");
        default -> name;
      };
      if (specifier.isPresent()) {
        Optional<OutputOption.Stream> selected = stream(specifier.get());
        if (selected.isEmpty()) {
          diag.warn(at, token + ": stream specifier \"" + specifier.get() + "\" selects no stream of the output (stream 0 is the video, "
              + "stream 1 the audio; ignored)");
          return;
        }
        stream = selected.get();
      }
      String why = PROGRAM_OPTIONS.get(name);
      if (why != null) {
        diag.warn(at, token + " " + value + " is ignored: " + why);
        return;
      }
      boolean video = stream != OutputOption.Stream.AUDIO;
      boolean audio = stream != OutputOption.Stream.VIDEO;
      switch (name) {
        case "c" -> codec(stream, value, vat);
        case "preset" -> {
          if (!video) options.add(new OutputOption(at, vat, name, stream, value));
          else if (PRESETS.contains(value)) preset = value;
          else diag.error(vat, "unknown preset \"" + value + "\" (x264's names: " + String.join(", ", sorted(PRESETS)) + ")");
        }
        case "crf", "cq" -> {
          if (!video) {
            options.add(new OutputOption(at, vat, name, stream, value));
            return;
          }
          try {
            double given = Double.parseDouble(value);
            if (given < 0 || given > 51) diag.error(vat, name + " must be within 0..51 (got " + value + ")");
            else crf = given;
          } catch (NumberFormatException e) {
            diag.error(vat, name + " must be a number (got \"" + value + "\")");
          }
        }
        case "b" -> {
          if (!value.matches("\\d+(\\.\\d+)?[kKmMgG]?")) diag.error(vat, "bad bitrate \"" + value + "\" (e.g. 5M, 192k)");
          else if (stream == OutputOption.Stream.AUDIO) audioBitrate = value;
          else bitrate = Optional.of(value); // ffmpeg's -b is -b:v
        }
        case "pix_fmt" -> {
          if (!video) diag.warn(at, token + " is a video option; it selects no stream here (ignored)");
          else if (PIX_FMTS.contains(value)) pixFmt = value;
          else diag.error(vat, "unsupported pix_fmt \"" + value + "\" (supported: " + String.join(", ", sorted(PIX_FMTS)) + ")");
        }
        case "profile" -> {
          if (stream == OutputOption.Stream.AUDIO) {
            options.add(new OutputOption(at, vat, name, stream, value));
          } else if (PROFILES.contains(value)) {
            profile = value;
            profileGiven = true;
          } else {
            diag.error(vat, "unknown H.264 profile \"" + value + "\" (" + String.join(", ", sorted(PROFILES)) + ")");
          }
        }
        case "ar" -> {
          OptionalInt rate = positive(value);
          if (rate.isEmpty() || rate.getAsInt() > 384_000) diag.error(vat, "-ar needs a sample rate in Hz such as 48000 (got \"" + value + "\")");
          else sampleRate = rate;
        }
        case "ac" -> {
          OptionalInt count = positive(value);
          if (count.isEmpty() || count.getAsInt() > 2) diag.error(vat, "-ac takes 1 (mono) or 2 (stereo) channels here (got \"" + value + "\")");
          else channels = count;
        }
        case "movflags" -> movflags(value, at, vat);
        default -> {
          if (!video && !audio) return;
          options.add(new OutputOption(at, vat, name, stream, value));
        }
      }
    }

    private void codec(OutputOption.Stream stream, String value, String vat) {
      String codec = value.strip().toLowerCase(Locale.ROOT);
      if (codec.equals("copy")) {
        diag.warn(vat, "\"copy\" has no input stream to copy in-process: "
            + (stream == OutputOption.Stream.VIDEO ? "the rendered frames are encoded as H.264" : stream == OutputOption.Stream.AUDIO
                ? "the mixed audio is encoded as AAC" : "video is encoded as H.264 and audio as AAC") + " (ignored)");
        return;
      }
      if (stream == OutputOption.Stream.AUDIO) {
        if (!codec.equals("aac")) diag.error(vat, "unsupported audio codec \"" + value + "\" (aac only)");
        return;
      }
      if (codec.equals("h264")) return; // the codec, not an encoder: ffmpeg picks its default one, here the probe does
      if (H264_ENCODERS.contains(codec)) {
        encoder = Optional.of(codec);
        return;
      }
      diag.error(vat, "unsupported video codec \"" + value + "\" (H.264 encoders only: " + String.join(", ", H264_ENCODERS) + ")");
    }

    /** {@code faststart} is ours to apply (it costs a pass over the file); other mov flags go to the muxer. */
    private void movflags(String value, String at, String vat) {
      List<String> flags = Arrays.stream(value.split("(?=[+-])")).map(String::strip).filter(f -> !f.isEmpty()).toList();
      List<String> rest = new ArrayList<>();
      boolean reset = !flags.isEmpty() && !flags.getFirst().startsWith("+") && !flags.getFirst().startsWith("-");
      if (reset) faststart = false; // "-movflags frag_keyframe" replaces the flags, as in ffmpeg
      for (String flag : flags) {
        String bare = flag.replaceFirst("^[+-]", "");
        if (bare.equals("faststart")) faststart = !flag.startsWith("-");
        else rest.add(flag);
      }
      if (!rest.isEmpty()) options.add(new OutputOption(at, vat, "movflags", OutputOption.Stream.ANY, String.join("", rest)));
    }

    private static Optional<OutputOption.Stream> stream(String specifier) {
      String type = specifier.split(":")[0];
      return switch (type) {
        case "v", "V", "0" -> Optional.of(OutputOption.Stream.VIDEO);
        case "a", "1" -> Optional.of(OutputOption.Stream.AUDIO);
        default -> Optional.empty();
      };
    }

    private static OptionalInt positive(String value) {
      try {
        int n = Integer.parseInt(value.strip());
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }

    private static List<String> sorted(Set<String> names) {
      return names.stream().sorted().collect(Collectors.toList());
    }
  }
}
