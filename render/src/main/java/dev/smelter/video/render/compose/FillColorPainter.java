package dev.smelter.video.render.compose;

import dev.smelter.video.plan.Rgba;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.Rect;

/** {@code fill-color} / {@code pause}: a full-frame rectangle. */
record FillColorPainter(Rgba color, int width, int height) implements LayerPainter {
  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    try (Paint paint = new Paint().setColor(color.argb())) {
      canvas.drawRect(Rect.makeWH(width, height), paint);
    }
  }
}
