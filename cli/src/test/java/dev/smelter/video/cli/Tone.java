package dev.smelter.video.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A 16-bit mono 16 kHz WAV holding a 440 Hz tone at half scale, for the CLI tests. */
final class Tone {
  private Tone() {}

  static Path wav(Path file, double seconds) throws IOException {
    int rate = 16000, n = (int) Math.round(seconds * rate);
    ByteBuffer wav = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(n * 2);
    for (int k = 0; k < n; k++) wav.putShort((short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 440 * k / rate)));
    Files.write(file, wav.array());
    return file;
  }
}
