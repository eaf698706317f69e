package dev.smelter.video.server;

import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Media the service tests make for themselves. */
final class TestMedia {
  private TestMedia() {}

  /** A solid-colour PNG (ARGB). */
  static Path png(Path file, int width, int height, int argb) throws IOException {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(width, height))) {
      s.getCanvas().clear(argb);
      try (Image img = s.makeImageSnapshot()) {
        Files.write(file, img.encodeToData(EncodedImageFormat.PNG).getBytes());
      }
    }
    return file;
  }

  /** 16-bit mono WAV bytes: a 440 Hz tone for {@code seconds} (FFmpeg detects WAV by content, whatever the name). */
  static byte[] wav(double seconds) {
    int rate = 16000, n = (int) Math.round(seconds * rate);
    ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(n * 2);
    for (int k = 0; k < n; k++) b.putShort((short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 440 * k / rate)));
    return b.array();
  }

  static Path wav(Path file, double seconds) throws IOException {
    Files.write(file, wav(seconds));
    return file;
  }
}
