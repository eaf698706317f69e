package dev.smelter.video.render.compose;

import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.Rect;

/** {@code radial-gradient}: centred, from radius 0 to {@code max(W,H)·(1+progress)·0.6}. */
record RadialGradientPainter(VisualLayer.RadialGradient layer, int width, int height) implements LayerPainter {
  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    float radius = (float) (Math.max(width, height) * (1 + progress) * 0.6);
    try (Shader gradient = Shader.makeRadialGradient(width / 2f, height / 2f, radius, new int[] {layer.from().argb(), layer.to().argb()}, null,
        LinearGradientPainter.AS_CAIRO);
        Paint paint = new Paint().setShader(gradient)) {
      canvas.drawRect(Rect.makeWH(width, height), paint);
    }
  }
}
