package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VULKAN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_VULKAN;

import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The H.264 encoders the renderer can drive, and how the encoder-neutral {@link EncodeSettings} map
 * onto each one's options. Listed in order of preference: hardware first, libx264 as the fallback.
 *
 * <table>
 *   <caption>Settings mapping</caption>
 *   <tr><th>encoder</th><th>preset</th><th>crf (no bitrate)</th><th>videoBitrate</th><th>input</th></tr>
 *   <tr><td>libx264</td><td>as given</td><td>{@code crf}</td><td>{@code b} (ABR)</td>
 *       <td>{@code pixelFormat}; {@code threads=0} (all cores), sliced threads, no B-pyramid ({@link #X264_MEMORY})</td></tr>
 *   <tr><td>h264_nvenc</td><td>p1–p7 (see {@link #nvencPreset}), {@code tune=hq}</td>
 *       <td>{@code rc=vbr, cq=round(crf), b=0}</td><td>{@code rc=vbr, b}</td><td>{@code pixelFormat}</td></tr>
 *   <tr><td>h264_qsv</td><td>x264 names as such (ultrafast/superfast→veryfast, placebo→veryslow)</td>
 *       <td>{@code global_quality=round(crf)} (ICQ)</td><td>{@code b}</td><td>nv12</td></tr>
 *   <tr><td>h264_vaapi</td><td>ignored (driver-specific)</td><td>{@code rc_mode=CQP, qp=round(crf)}</td>
 *       <td>{@code rc_mode=VBR, b}</td><td>nv12 uploaded to VAAPI surfaces</td></tr>
 *   <tr><td>h264_vulkan</td><td>ignored</td><td>{@code rc_mode=cqp, qp=round(crf)}</td>
 *       <td>{@code rc_mode=vbr, b}</td><td>nv12 uploaded to Vulkan images</td></tr>
 * </table>
 *
 * <p>All get {@code profile} as given (x264 names: baseline/main/high). CRF and the hardware
 * constant-quality scales are both QP-like (0–51, lower is better) but not identical: a hardware
 * {@code cq 18} is roughly x264 {@code crf 18–20} in quality and larger in size.
 */
public enum H264Encoder {
  NVENC("h264_nvenc", AV_HWDEVICE_TYPE_NONE, AV_PIX_FMT_NONE),
  QSV("h264_qsv", AV_HWDEVICE_TYPE_NONE, AV_PIX_FMT_NONE),
  VAAPI("h264_vaapi", AV_HWDEVICE_TYPE_VAAPI, AV_PIX_FMT_VAAPI),
  VULKAN("h264_vulkan", AV_HWDEVICE_TYPE_VULKAN, AV_PIX_FMT_VULKAN),
  X264("libx264", AV_HWDEVICE_TYPE_NONE, AV_PIX_FMT_NONE);

  /**
   * x264's memory settings, for every preset (at 1080×1920 each frame x264 holds costs 6–10 MB):
   *
   * <ul>
   *   <li>{@code sliced-threads}: each frame is split into slices encoded in parallel, instead of
   *       several frames at once. Frame threads each hold whole frames in flight: ≈ 80 MB more at
   *       1080×1920 for no gain in quality or CPU time here (a render shares its cores with
   *       composition and other renders).
   *   <li>{@code b-pyramid=none}: B-frames are not used as references, so x264 keeps one reference
   *       frame less (with its interpolated planes): ≈ 20 MB.
   * </ul>
   *
   * Measured on the 2-vCPU box, 435 frames of the full fixture, SSIM (luma) against lossless:
   * veryfast/CRF 16 0.99190 → 0.99173, size +0.6 %, CPU −5 %, RSS −100 MB; medium/CRF 18 (Editly's)
   * 0.99108 → 0.99131, size −4 %, CPU −9 %, RSS −90 MB (docs/performance.md, "Memory").
   */
  static final String X264_MEMORY = "sliced-threads=1:b-pyramid=none";

  private final String ffmpegName;
  private final int hardwareDevice;
  private final int hardwarePixelFormat;

  H264Encoder(String ffmpegName, int hardwareDevice, int hardwarePixelFormat) {
    this.ffmpegName = ffmpegName;
    this.hardwareDevice = hardwareDevice;
    this.hardwarePixelFormat = hardwarePixelFormat;
  }

  /** FFmpeg's encoder name, e.g. {@code libx264}. */
  public String ffmpegName() {
    return ffmpegName;
  }

  public static Optional<H264Encoder> byName(String name) {
    return Arrays.stream(values()).filter(e -> e.ffmpegName.equalsIgnoreCase(name.strip())).findFirst();
  }

  public static H264Encoder require(String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException(
        "unsupported encoder '" + name + "'; supported: "
            + Arrays.stream(values()).map(H264Encoder::ffmpegName).collect(Collectors.joining(", "))));
  }

  /** AV_HWDEVICE_TYPE_* of the device frames must be uploaded to, or NONE for system memory input. */
  int hardwareDevice() {
    return hardwareDevice;
  }

  /** The hardware surface format the encoder takes (AV_PIX_FMT_VAAPI, ...), or NONE. */
  int hardwarePixelFormat() {
    return hardwarePixelFormat;
  }

  /** The system-memory pixel format frames are converted to before encoding (or upload). */
  String softwarePixelFormat(EncodeSettings settings) {
    return switch (this) {
      case X264, NVENC -> settings.pixelFormat();
      case QSV, VAAPI, VULKAN -> "nv12";
    };
  }

  /** The encoder's private and generic options for {@code settings}, in FFmpeg's option syntax. */
  Map<String, String> options(EncodeSettings settings) {
    Map<String, String> options = new LinkedHashMap<>();
    Optional<String> bitrate = settings.videoBitrate().filter(b -> !b.isBlank());
    String quality = Long.toString(Math.round(settings.crf()));
    switch (this) {
      case X264 -> {
        options.put("preset", settings.preset());
        bitrate.ifPresentOrElse(b -> options.put("b", b), () -> options.put("crf", plain(settings.crf())));
        options.put("x264-params", X264_MEMORY);
      }
      case NVENC -> {
        options.put("preset", nvencPreset(settings.preset()));
        options.put("tune", "hq");
        options.put("rc", "vbr");
        bitrate.ifPresentOrElse(b -> options.put("b", b), () -> {
          options.put("cq", quality);
          options.put("b", "0");
        });
      }
      case QSV -> {
        options.put("preset", qsvPreset(settings.preset()));
        bitrate.ifPresentOrElse(b -> options.put("b", b), () -> options.put("global_quality", quality));
      }
      case VAAPI -> bitrate.ifPresentOrElse(b -> {
        options.put("rc_mode", "VBR");
        options.put("b", b);
      }, () -> {
        options.put("rc_mode", "CQP");
        options.put("qp", quality);
      });
      case VULKAN -> bitrate.ifPresentOrElse(b -> {
        options.put("rc_mode", "vbr");
        options.put("b", b);
      }, () -> {
        options.put("rc_mode", "cqp");
        options.put("qp", quality);
      });
    }
    options.put("profile", settings.profile());
    return options;
  }

  /**
   * x264 preset → NVENC p1 (fastest) … p7 (best): ultrafast, superfast → p1; veryfast → p2;
   * faster → p3; fast → p4; medium → p5; slow → p6; slower, veryslow, placebo → p7. Names NVENC
   * knows itself (p1–p7, fast, hq, ...) pass through.
   */
  static String nvencPreset(String preset) {
    return switch (preset.toLowerCase(Locale.ROOT)) {
      case "ultrafast", "superfast" -> "p1";
      case "veryfast" -> "p2";
      case "faster" -> "p3";
      case "fast" -> "p4";
      case "medium" -> "p5";
      case "slow" -> "p6";
      case "slower", "veryslow", "placebo" -> "p7";
      default -> preset;
    };
  }

  /** x264 preset → QSV's own veryfast … veryslow scale (it has no ultrafast/superfast/placebo). */
  static String qsvPreset(String preset) {
    return switch (preset.toLowerCase(Locale.ROOT)) {
      case "ultrafast", "superfast" -> "veryfast";
      case "placebo" -> "veryslow";
      default -> preset;
    };
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
