package dev.smelter.video.render;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.render.audio.AudioChain;
import dev.smelter.video.render.audio.PcmStream;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Media the end-to-end tests make for themselves, and measurements of what came out. */
final class TestMedia {
  private TestMedia() {}

  static Path png(Path file, int width, int height, Consumer<Canvas> painter) throws IOException {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(width, height))) {
      painter.accept(s.getCanvas());
      try (Image img = s.makeImageSnapshot()) {
        Files.write(file, img.encodeToData(EncodedImageFormat.PNG).getBytes());
      }
    }
    return file;
  }

  /** 16-bit mono WAV: a 440 Hz tone at {@code amplitude} for {@code seconds}. */
  static Path tone(Path file, double seconds, double amplitude) throws IOException {
    int rate = 16000, n = (int) Math.round(seconds * rate);
    ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(n * 2);
    for (int k = 0; k < n; k++) b.putShort((short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 440 * k / rate)));
    Files.write(file, b.array());
    return file;
  }

  /**
   * An MP4 made with our own writer: {@code seconds} at 10 fps whose frames are a solid colour
   * (red in the first half, green in the second) and a 440 Hz stereo tone at −6 dBFS.
   */
  static Path video(Path file, int width, int height, double seconds) throws IOException {
    var spec = new dev.smelter.video.plan.OutputSpec(file, dev.smelter.video.plan.OutputSpec.Format.MP4, width, height,
        new dev.smelter.video.plan.Rational(10, 1), dev.smelter.video.spec.EncodeSettingsResolver.defaults(false));
    int frames = (int) Math.round(seconds * 10);
    PcmStream tone = new PcmStream() {
      long done;
      final long total = Math.round(seconds * 48000);

      @Override public int sampleRate() { return 48000; }
      @Override public int channels() { return 2; }
      @Override public int read(float[] dst) {
        if (done >= total) return -1;
        int n = (int) Math.min(dst.length / 2, total - done);
        for (int i = 0; i < n; i++) {
          float v = (float) (0.5 * Math.sin(2 * Math.PI * 440 * (done + i) / 48000.0));
          dst[2 * i] = v;
          dst[2 * i + 1] = v;
        }
        done += n;
        return n;
      }
      @Override public void close() {}
    };
    try (var writer = dev.smelter.video.render.encode.OutputWriter.open(file, spec, Optional.of(tone))) {
      ByteBuffer frame = ByteBuffer.allocateDirect(width * height * 4);
      for (int f = 0; f < frames; f++) {
        boolean firstHalf = f < frames / 2;
        frame.clear();
        for (int i = 0; i < width * height; i++) frame.put((byte) (firstHalf ? 255 : 0)).put((byte) (firstHalf ? 0 : 255)).put((byte) 0).put((byte) 255);
        frame.flip();
        writer.writeFrame(frame);
      }
      writer.finish();
    }
    return file;
  }

  /** RMS level in dBFS of each {@code window}-second slice of a file's audio (decoded at 48 kHz). */
  static List<Double> levels(Path media, double duration, double window) throws IOException {
    AudioPlan plan = new AudioPlan(
        List.of(new AudioPlan.ClipAudio(0, duration, List.of(new AudioPlan.Source("probe", media, 0, duration, 1, 1)))),
        List.of(), List.of(), 1, Optional.empty(), Optional.empty(), duration);
    List<Double> out = new ArrayList<>();
    try (PcmStream pcm = AudioChain.open(plan)) {
      int perWindow = (int) Math.round(window * pcm.sampleRate()) * pcm.channels();
      float[] buf = new float[4096 * pcm.channels()];
      double sum = 0;
      int count = 0;
      int n;
      while ((n = pcm.read(buf)) > 0) {
        for (int i = 0; i < n * pcm.channels(); i++) {
          sum += buf[i] * buf[i];
          if (++count == perWindow) {
            out.add(10 * Math.log10(Math.max(sum / count, 1e-20)));
            sum = 0;
            count = 0;
          }
        }
      }
    }
    return out;
  }

}
