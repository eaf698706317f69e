// Regenerates the example media in this folder (deterministic). Run from the repository root:
//   java -cp "$(cat cli/target/runtime-classpath.txt)" examples/media/GenerateExampleMedia.java
import io.github.humbleui.skija.*;
import io.github.humbleui.types.Rect;
import java.io.*;
import java.nio.*;
import java.nio.file.Files;
import java.nio.file.Path;

public class GenerateExampleMedia {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of("examples/media");
    int[][] palette = {{0xFFE76F51, 0xFF264653}, {0xFF2A9D8F, 0xFFE9C46A}, {0xFF6D597A, 0xFFF4A261}, {0xFF1D3557, 0xFFA8DADC}};
    for (int i = 0; i < 4; i++) {
      boolean landscape = i == 2;
      int w = landscape ? 960 : 640, h = landscape ? 640 : 960;
      try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(w, h)); Paint p = new Paint()) {
        Canvas c = s.getCanvas();
        p.setShader(Shader.makeLinearGradient(0, 0, w, h, new int[] {palette[i][0], palette[i][1]}));
        c.drawRect(Rect.makeWH(w, h), p);
        p.setShader(null);
        for (int k = 0; k < 12; k++) { // deterministic "scene": circles and a horizon
          p.setColor(0x40FFFFFF ^ (k * 0x1F2E3D));
          c.drawCircle((k * 97 % w), (k * 151 % h), 20 + k * 9, p);
        }
        p.setColor(0xFFFFFFFF);
        c.drawRect(Rect.makeXYWH(w * 0.1f, h * 0.1f, w * 0.8f, h * 0.02f), p);
        try (Typeface tf = FontMgr.getDefault().matchFamilyStyle("DejaVu Sans", FontStyle.BOLD); Font f = new Font(tf, h / 8f)) {
          c.drawString("Page " + (i + 1), w * 0.1f, h * 0.5f, f, p);
        }
        try (Image img = s.makeImageSnapshot()) {
          Files.write(dir.resolve("page" + (i + 1) + ".jpg"), img.encodeToData(EncodedImageFormat.JPEG, 82).getBytes());
        }
      }
    }
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(256, 96)); Paint p = new Paint()) {
      Canvas c = s.getCanvas();
      c.clear(0x00000000);
      p.setColor(0xCCFFFFFF);
      c.drawRRect(io.github.humbleui.types.RRect.makeXYWH(0, 0, 256, 96, 24), p);
      p.setColor(0xFF264653);
      try (Typeface tf = FontMgr.getDefault().matchFamilyStyle("DejaVu Sans", FontStyle.BOLD); Font f = new Font(tf, 40)) {
        c.drawString("LOGO", 70, 62, f, p);
      }
      try (Image img = s.makeImageSnapshot()) {
        Files.write(dir.resolve("logo.png"), img.encodeToData(EncodedImageFormat.PNG).getBytes());
      }
    }
    double[] narration = {2.1, 1.6, 2.4, 0.9};
    for (int i = 0; i < narration.length; i++) {
      writeWav(dir.resolve("narration" + (i + 1) + ".wav"), narration[i], 16000, 220 + 55 * i, true);
    }
    writeWav(dir.resolve("music.wav"), 8, 16000, 330, false);
  }

  /** A voice-like tone (syllable envelope) or a soft chord, mono 16-bit. */
  static void writeWav(Path file, double seconds, int rate, double freq, boolean voice) throws IOException {
    int n = (int) Math.round(seconds * rate);
    ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(n * 2);
    for (int k = 0; k < n; k++) {
      double t = (double) k / rate;
      double env = voice ? Math.max(0, Math.sin(Math.PI * t * 3.5)) : Math.min(1, Math.min(t, seconds - t) * 2);
      double v = voice ? Math.sin(2 * Math.PI * freq * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 5 * t))
          : (Math.sin(2 * Math.PI * freq * t) + Math.sin(2 * Math.PI * freq * 1.25 * t) + Math.sin(2 * Math.PI * freq * 1.5 * t)) / 3;
      b.putShort((short) Math.round(v * env * 0.5 * 32767));
    }
    Files.write(file, b.array());
  }
}
