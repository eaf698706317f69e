package dev.smelter.video.render.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

/**
 * Routes FFmpeg's log to {@link System.Logger} {@code ffmpeg} instead of stderr, and remembers the
 * last error line per thread: FFmpeg reports the real cause of a failure (a missing driver, a bad
 * option) only in its log, while the call itself returns a generic code.
 *
 * <p>FFmpeg's logging is process-wide; every class here calls {@link #install()} before using
 * FFmpeg, so the first use decides it.
 */
public final class FfmpegLog {
  private static final System.Logger LOG = System.getLogger("ffmpeg");
  private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);
  // Held statically: FFmpeg keeps calling the native thunk for the life of the process.
  private static final Callback CALLBACK = new Callback();
  private static volatile boolean installed;

  private FfmpegLog() {}

  public static void install() {
    if (installed) return;
    synchronized (FfmpegLog.class) {
      if (installed) return;
      // FFmpeg's info level is chatty (x264 statistics, stream dumps); only pay for it when wanted.
      av_log_set_level(LOG.isLoggable(Level.DEBUG) ? AV_LOG_VERBOSE : AV_LOG_WARNING);
      setLogCallback(CALLBACK);
      installed = true;
    }
  }

  /** The last error FFmpeg logged on this thread since the previous call, if any. */
  public static Optional<String> takeLastError() {
    String last = LAST_ERROR.get();
    LAST_ERROR.remove();
    return Optional.ofNullable(last);
  }

  /**
   * Runs {@code action} with the errors FFmpeg logs on this thread demoted to debug level, for
   * attempts that are expected to fail (probing hardware that may not be there). The last error is
   * still kept for {@link #takeLastError()}.
   */
  public static <T> T quietly(Callable<T> action) throws Exception {
    boolean wasQuiet = QUIET.get();
    QUIET.set(true);
    try {
      return action.call();
    } finally {
      QUIET.set(wasQuiet);
    }
  }

  /** Forgets this thread's last error, so a later failure does not report a stale cause. */
  public static void clearLastError() {
    LAST_ERROR.remove();
  }

  private static final class Callback extends LogCallback {
    @Override
    public void call(int level, BytePointer message) {
      String line = message.getString().strip();
      if (line.isEmpty()) return;
      if (level <= AV_LOG_ERROR) LAST_ERROR.set(line);
      Level javaLevel = toJavaLevel(level);
      LOG.log(QUIET.get() && javaLevel.getSeverity() > Level.DEBUG.getSeverity() ? Level.DEBUG : javaLevel, line);
    }

    private static Level toJavaLevel(int level) {
      if (level <= AV_LOG_ERROR) return Level.ERROR;
      if (level <= AV_LOG_WARNING) return Level.WARNING;
      if (level <= AV_LOG_INFO) return Level.DEBUG;
      return Level.TRACE;
    }
  }
}
