package dev.smelter.video.render.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_ERROR_MAX_STRING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;

/**
 * A failed FFmpeg call: the action that failed, FFmpeg's error text and, when FFmpeg logged one on
 * this thread, its own explanation (e.g. {@code Cannot load libcuda.so.1}), which is usually the
 * only useful part.
 */
public final class FfmpegException extends IOException {
  private final int errorCode;

  public FfmpegException(String message, int errorCode) {
    super(message);
    this.errorCode = errorCode;
  }

  /** The negative AVERROR code, or 0 when the failure was not an error code. */
  public int errorCode() {
    return errorCode;
  }

  /** Returns {@code result} when it is not an error, else throws with the thread's last log line. */
  public static int check(int result, String action) throws FfmpegException {
    if (result >= 0) return result;
    throw failure(result, action);
  }

  public static FfmpegException failure(int result, String action) {
    Optional<String> logged = FfmpegLog.takeLastError();
    String message = action + ": " + describe(result) + logged.map(l -> " (" + l + ")").orElse("");
    return new FfmpegException(message, result);
  }

  /** FFmpeg's text for an AVERROR code. */
  public static String describe(int errorCode) {
    try (BytePointer buffer = new BytePointer(AV_ERROR_MAX_STRING_SIZE)) {
      if (av_strerror(errorCode, buffer, buffer.capacity()) < 0) return "error " + errorCode;
      // getString() reads up to the buffer's limit, not the terminator.
      String text = buffer.getString();
      int end = text.indexOf('\0');
      return end < 0 ? text : text.substring(0, end);
    }
  }
}
