package dev.smelter.video.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** FFmpeg return codes turned into readable text for exception messages. */
final class AvError {
  private AvError() {}

  static String describe(int code) {
    byte[] buffer = new byte[256];
    if (av_strerror(code, buffer, buffer.length) < 0) {
      return "error " + code;
    }
    int length = 0;
    while (length < buffer.length && buffer[length] != 0) {
      length++;
    }
    return new String(buffer, 0, length, StandardCharsets.UTF_8) + " (" + code + ")";
  }
}
