package dev.smelter.video.spec;

import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Encoder settings: our measured defaults, Editly's {@code fast} preview, and the common keys of
 * {@code customOutputArgs} (preset, crf, b:v, pix_fmt, profile, codec names, faststart). Anything
 * else is rejected with its index rather than silently ignored.
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

  private static final Set<String> PRESETS = Set.of(
      "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo");
  private static final Set<String> PIX_FMTS = Set.of("yuv420p", "yuvj420p", "yuv422p", "yuv444p", "nv12");
  private static final Set<String> PROFILES = Set.of("baseline", "main", "high", "high10", "high422", "high444");

  private EncodeSettingsResolver() {}

  public static EncodeSettings defaults(boolean fast) {
    return new EncodeSettings(Optional.empty(), fast ? "ultrafast" : DEFAULT_PRESET, DEFAULT_CRF, Optional.empty(), "yuv420p", "high", "128k", true);
  }

  static EncodeSettings resolve(EditSpec spec, Diagnostics diag) {
    EncodeSettings s = defaults(spec.fast());
    if (spec.customOutputArgs().isEmpty()) return s;
    return apply(s, spec.customOutputArgs().get(), diag);
  }

  /** Applies ffmpeg-style output args ({@code ["-preset", "medium", "-crf", "23"]}). */
  public static EncodeSettings apply(EncodeSettings s, List<String> args, Diagnostics diag) {
    Optional<String> encoder = s.encoder();
    String preset = s.preset();
    double crf = s.crf();
    Optional<String> bitrate = s.videoBitrate();
    String pixFmt = s.pixelFormat();
    String profile = s.profile();
    String audioBitrate = s.audioBitrate();
    boolean faststart = s.faststart();
    boolean profileGiven = false;
    for (int i = 0; i < args.size(); i++) {
      String at = "customOutputArgs[" + i + "]";
      String key = args.get(i);
      if (i + 1 >= args.size()) {
        diag.error(at, "option " + key + " has no value");
        break;
      }
      String value = args.get(++i);
      String vat = "customOutputArgs[" + i + "]";
      switch (key) {
        case "-preset", "-preset:v" -> {
          if (PRESETS.contains(value)) preset = value; else diag.error(vat, "unknown preset \"" + value + "\"");
        }
        case "-crf", "-crf:v", "-cq", "-cq:v" -> {
          try {
            crf = Double.parseDouble(value);
            if (crf < 0 || crf > 51) diag.error(vat, "crf must be within 0..51 (got " + value + ")");
          } catch (NumberFormatException e) {
            diag.error(vat, "crf must be a number (got \"" + value + "\")");
          }
        }
        case "-b:v" -> {
          if (value.matches("\\d+(\\.\\d+)?[kKmM]?")) bitrate = Optional.of(value); else diag.error(vat, "bad video bitrate \"" + value + "\"");
        }
        case "-pix_fmt" -> {
          if (PIX_FMTS.contains(value)) pixFmt = value; else diag.error(vat, "unsupported pix_fmt \"" + value + "\" (supported: " + String.join(", ", PIX_FMTS) + ")");
        }
        case "-profile:v", "-profile" -> {
          if (PROFILES.contains(value)) profile = value; else diag.error(vat, "unknown H.264 profile \"" + value + "\"");
          profileGiven = true;
        }
        case "-c:v", "-vcodec", "-codec:v" -> {
          String name = value.strip().toLowerCase(java.util.Locale.ROOT);
          if (H264_ENCODERS.contains(name)) encoder = Optional.of(name);
          else diag.error(vat, "unsupported video codec \"" + value + "\" (H.264 encoders only: " + String.join(", ", H264_ENCODERS) + ")");
        }
        case "-c:a", "-acodec", "-codec:a" -> {
          if (!value.equals("aac")) diag.error(vat, "unsupported audio codec \"" + value + "\" (aac only)");
        }
        case "-b:a" -> {
          if (value.matches("\\d+[kK]?")) audioBitrate = value; else diag.error(vat, "bad audio bitrate \"" + value + "\"");
        }
        case "-movflags" -> faststart = value.contains("faststart");
        default -> diag.error(at, "unsupported output option \"" + key
            + "\" (supported: -preset, -crf, -b:v, -pix_fmt, -profile:v, -c:v, -c:a, -b:a, -movflags)");
      }
    }
    // x264 encodes CRF 0 losslessly, which the High profile cannot express.
    if (crf == 0 && bitrate.isEmpty() && !profileGiven) profile = "high444";
    return new EncodeSettings(encoder, preset, crf, bitrate, pixFmt, profile, audioBitrate, faststart);
  }
}
