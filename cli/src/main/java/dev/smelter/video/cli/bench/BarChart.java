package dev.smelter.video.cli.bench;

import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.FontStyle;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.Typeface;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A horizontal bar chart of wall times (seconds), drawn with Skia into a PNG. */
final class BarChart {
  record Bar(String label, double seconds, int color) {}

  private BarChart() {}

  static void write(Path file, String title, List<Bar> bars) throws IOException {
    int rowH = 34, left = 400, width = 1200, top = 60;
    int height = top + rowH * bars.size() + 30;
    double max = bars.stream().mapToDouble(Bar::seconds).max().orElse(1);
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
        Typeface tf = FontMgr.getDefault().matchFamilyStyle("DejaVu Sans", FontStyle.NORMAL);
        Font font = new Font(tf, 15);
        Font bold = new Font(tf, 20);
        Paint ink = new Paint().setColor(0xFF222222);
        Paint bar = new Paint()) {
      Canvas c = s.getCanvas();
      c.clear(0xFFFFFFFF);
      c.drawString(title, 20, 34, bold, ink);
      for (int i = 0; i < bars.size(); i++) {
        Bar b = bars.get(i);
        float y = top + i * rowH;
        c.drawString(b.label(), 20, y + 21, font, ink);
        float w = (float) ((width - left - 110) * b.seconds() / max);
        bar.setColor(b.color());
        c.drawRect(Rect.makeXYWH(left, y + 5, Math.max(w, 1), rowH - 10), bar);
        c.drawString(String.format(Locale.ROOT, "%.1f s", b.seconds()), left + w + 8, y + 21, font, ink);
      }
      try (Image img = s.makeImageSnapshot()) {
        Files.write(file, img.encodeToData(EncodedImageFormat.PNG).getBytes());
      }
    }
  }
}
