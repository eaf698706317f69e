package dev.smelter.video.render.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;

/**
 * Writes RIFF/WAVE files for the tests, 16-bit PCM or 32-bit IEEE float (which FFmpeg decodes to
 * float samples, like MP3): the signal is a function of time in seconds.
 */
final class TestWav {
  private TestWav() {}

  static Path sine(Path dir, String name, int rate, int channels, double seconds, double amplitude, double hz) {
    return write(dir.resolve(name), rate, channels, seconds, t -> amplitude * Math.sin(2 * Math.PI * hz * t));
  }

  static Path silence(Path dir, String name, int rate, int channels, double seconds) {
    return write(dir.resolve(name), rate, channels, seconds, t -> 0);
  }

  static Path floatSine(Path dir, String name, int rate, int channels, double seconds, double amplitude, double hz) {
    return write(dir.resolve(name), rate, channels, seconds, true, t -> amplitude * Math.sin(2 * Math.PI * hz * t));
  }

  static Path write(Path file, int rate, int channels, double seconds, DoubleUnaryOperator signal) {
    return write(file, rate, channels, seconds, false, signal);
  }

  static Path write(Path file, int rate, int channels, double seconds, boolean floats, DoubleUnaryOperator signal) {
    int frames = (int) Math.round(seconds * rate);
    int width = floats ? 4 : 2;
    int dataBytes = frames * channels * width;
    ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
    wav.put("fmt ".getBytes()).putInt(16).putShort((short) (floats ? 3 : 1)).putShort((short) channels);
    wav.putInt(rate).putInt(rate * channels * width).putShort((short) (channels * width));
    wav.putShort((short) (width * 8));
    wav.put("data".getBytes()).putInt(dataBytes);
    for (int i = 0; i < frames; i++) {
      double value = Math.max(-1, Math.min(1, signal.applyAsDouble((double) i / rate)));
      for (int c = 0; c < channels; c++) {
        if (floats) {
          wav.putFloat((float) value);
        } else {
          wav.putShort((short) Math.round(value * 32767));
        }
      }
    }
    try {
      return Files.write(file, wav.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
