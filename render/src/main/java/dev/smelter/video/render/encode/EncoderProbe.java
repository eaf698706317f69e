package dev.smelter.video.render.encode;

import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.ffmpeg.FfmpegLog;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Finds out which H.264 encoders really work on this machine by opening each one and encoding a
 * tiny frame — a name lookup is not enough: {@code h264_nvenc} is compiled in everywhere and fails
 * only when opened ("Cannot load libcuda.so.1"), hardware encoders can open and still refuse the
 * first frame. Hardware encoders are tried in {@link H264Encoder} order, libx264 last.
 *
 * <p>Each attempt runs on its own daemon thread with a time limit, so a driver that hangs costs that
 * limit and not the process. The result is computed once per process and cached.
 */
public final class EncoderProbe {
  private static final System.Logger LOG = System.getLogger(EncoderProbe.class.getName());
  private static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(20);
  private static final int PROBE_SIZE = 256; // above every hardware encoder's minimum size
  private static final EncodeSettings PROBE_SETTINGS =
      new EncodeSettings(Optional.empty(), "veryfast", 23, Optional.empty(), "yuv420p", "high", "128k", false);

  /** One encoder's outcome; {@code reason} says why it is unavailable, or {@code ok}. */
  public record Result(String name, boolean available, String reason) {}

  private static volatile List<Result> cached;

  private EncoderProbe() {}

  /** Every candidate encoder with its outcome, in order of preference. */
  public static List<Result> results() {
    List<Result> results = cached;
    if (results != null) return results;
    synchronized (EncoderProbe.class) {
      if (cached == null) cached = List.copyOf(probeAll());
      return cached;
    }
  }

  /** The first encoder that works; libx264 when none does (it then fails with its own error). */
  public static H264Encoder preferred() {
    return results().stream()
        .filter(Result::available)
        .findFirst()
        .flatMap(result -> H264Encoder.byName(result.name()))
        .orElse(H264Encoder.X264);
  }

  private static List<Result> probeAll() {
    List<Result> results = new ArrayList<>();
    for (H264Encoder kind : H264Encoder.values()) {
      Result result = missingDevice(kind, path -> Files.exists(Path.of(path)))
          .map(reason -> new Result(kind.ffmpegName(), false, reason))
          .orElseGet(() -> probe(kind));
      LOG.log(System.Logger.Level.INFO, "encoder {0}: {1}", result.name(), result.available() ? "available" : result.reason());
      results.add(result);
    }
    return results;
  }

  /**
   * Why {@code kind} cannot work on this machine without trying it: a hardware encoder needs its
   * device node. Opening one anyway is not free — Vulkan falls back to the software lavapipe
   * device, which loads LLVM (≈ 45 MB resident for the rest of the process) and takes a second.
   */
  static Optional<String> missingDevice(H264Encoder kind, Predicate<String> exists) {
    boolean nvidia = exists.test("/dev/nvidiactl");
    boolean dri = exists.test("/dev/dri/renderD128") || exists.test("/dev/dri/renderD129");
    boolean ok = switch (kind) {
      case NVENC -> nvidia;
      case QSV, VAAPI -> dri;
      case VULKAN -> nvidia || dri;
      case X264 -> true;
    };
    return ok ? Optional.empty() : Optional.of("no GPU device on this machine (" + switch (kind) {
      case NVENC -> "/dev/nvidiactl missing";
      case VULKAN -> "neither /dev/dri/renderD* nor /dev/nvidiactl";
      default -> "/dev/dri/renderD* missing";
    } + ")");
  }

  /** Opens {@code kind} and encodes one frame, within {@link #ATTEMPT_LIMIT}. */
  static Result probe(H264Encoder kind) {
    CompletableFuture<Result> outcome = new CompletableFuture<>();
    Thread attempt = Thread.ofPlatform().daemon().name("encoder-probe-" + kind.ffmpegName()).unstarted(() -> {
      try {
        outcome.complete(FfmpegLog.quietly(() -> encodeOneFrame(kind)));
      } catch (Throwable t) {
        outcome.complete(new Result(kind.ffmpegName(), false, describe(t)));
      }
    });
    attempt.start();
    try {
      return outcome.get(ATTEMPT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // The thread may be stuck in a driver call; it is a daemon and is left behind.
      return new Result(kind.ffmpegName(), false, "no answer within " + ATTEMPT_LIMIT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(kind.ffmpegName(), false, "interrupted");
    } catch (ExecutionException e) {
      return new Result(kind.ffmpegName(), false, describe(e.getCause()));
    }
  }

  private static Result encodeOneFrame(H264Encoder kind) throws Exception {
    ByteBuffer black = ByteBuffer.allocateDirect(PROBE_SIZE * PROBE_SIZE * 4);
    int[] packets = {0};
    try (VideoEncoder encoder = VideoEncoder.open(kind, PROBE_SIZE, PROBE_SIZE, new Rational(25, 1), PROBE_SETTINGS, false)) {
      encoder.encode(black, 0, packet -> packets[0]++);
      encoder.flush(packet -> packets[0]++);
    }
    return packets[0] > 0
        ? new Result(kind.ffmpegName(), true, "ok")
        : new Result(kind.ffmpegName(), false, "opened but produced no packet");
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
