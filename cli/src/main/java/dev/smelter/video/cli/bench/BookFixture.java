package dev.smelter.video.cli.bench;

import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The users' W1 "picture book" shape, generated deterministically: 1024×1536 PNG pages (like the
 * AI images they use), one mono 44.1 kHz narration per page (WAV here; lengths drawn like the real
 * batches, 0.9–11 s), clip = narration + 0.5 s, `cover`, no transitions, keepSourceAudio.
 */
final class BookFixture {
  private BookFixture() {}

  /** Writes pages, narrations and the spec; returns the spec's file name (relative to {@code dir}). */
  static String write(Path dir, int pages, double meanNarration) throws IOException {
    Path media = dir.resolve("book");
    Files.createDirectories(media);
    SplittableRandom rng = new SplittableRandom(2025);
    StringBuilder clips = new StringBuilder();
    double total = 0;
    for (int i = 0; i < pages; i++) {
      Path png = media.resolve(String.format(Locale.ROOT, "page%02d.png", i + 1));
      int pageSeed = rng.nextInt(); // drawn whether or not the file exists: the book must not depend on what is cached
      if (!Files.exists(png)) page(png, pageSeed);
      // Real batches run 0.9–11 s per page; longer means stretch the cap so the mean holds (17 s → a
      // 9.5-minute book, the longest W1 books).
      double cap = Math.max(11, meanNarration + 2.5);
      double narration = i == pages - 1 ? 0.914 : Math.max(0.9, Math.min(cap, meanNarration + (rng.nextDouble() - 0.5) * 5));
      int pitch = rng.nextInt(120, 260);
      Path wav = media.resolve(String.format(Locale.ROOT, "voice%02d-%dms.wav", i + 1, Math.round(narration * 1000)));
      if (!Files.exists(wav)) voice(wav, narration, pitch);
      double clip = Math.round((narration + 0.5) * 1e6) / 1e6;
      total += clip;
      clips.append(String.format(Locale.ROOT, """
          {"duration": %s, "layers": [{"type": "image", "path": "book/%s", "resizeMode": "cover", "start": 0, "stop": %s},
            {"type": "audio", "path": "book/%s", "start": 0, "mixVolume": 1}]}%s
          """, clip, png.getFileName(), clip, wav.getFileName(), i < pages - 1 ? "," : ""));
    }
    String name = String.format(Locale.ROOT, "book-%dp-%s.json", pages, meanNarration);
    Files.writeString(dir.resolve(name), """
        {"outPath": "book.mp4", "width": 1024, "height": 1536, "fps": 30, "keepSourceAudio": true,
         "defaults": {"transition": null, "duration": 1},
         "clips": [
        %s]}
        """.formatted(clips));
    return name;
  }

  private static void page(Path file, int seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(1024, 1536)); Paint p = new Paint()) {
      Canvas c = s.getCanvas();
      p.setShader(Shader.makeLinearGradient(0, 0, 1024, 1536, new int[] {0xFF000000 | rng.nextInt(0xFFFFFF), 0xFF000000 | rng.nextInt(0xFFFFFF)}));
      c.drawRect(Rect.makeWH(1024, 1536), p);
      p.setShader(null);
      for (int k = 0; k < 60; k++) {
        p.setColor(0x60000000 | rng.nextInt(0xFFFFFF));
        c.drawCircle(rng.nextInt(1024), rng.nextInt(1536), 20 + rng.nextInt(200), p);
      }
      try (Image img = s.makeImageSnapshot()) {
        Files.write(file, img.encodeToData(EncodedImageFormat.PNG).getBytes());
      }
    }
  }

  private static void voice(Path file, double seconds, double pitch) throws IOException {
    int rate = 44100, n = (int) Math.round(seconds * rate);
    ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(n * 2);
    for (int k = 0; k < n; k++) {
      double t = (double) k / rate;
      double syllables = Math.max(0, Math.sin(Math.PI * t * 4));
      b.putShort((short) Math.round(0.3 * 32767 * syllables * Math.sin(2 * Math.PI * pitch * t * (1 + 0.05 * Math.sin(6 * t)))));
    }
    Files.write(file, b.array());
  }
}
