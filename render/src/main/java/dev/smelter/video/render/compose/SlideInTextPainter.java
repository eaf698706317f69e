package dev.smelter.video.render.compose;

import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.BlendMode;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.GradientStyle;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.paragraph.Alignment;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Editly's {@code slide-in-text}: a Fabric {@code Text} (font size round(fontSize·W), charSpacing
 * charSpacing·W thousandths of an em) placed by {@code position}, revealed left to right by a
 * gradient mask and faded out, on these keyframes of the layer's progress p (linear between them):
 * reveal 0 at p ≤ 0.1 → 1 at 0.3 (eased with easeInOutCubic), opacity 1 until 0.8 → 0 at 0.9.
 *
 * <p>The mask is opaque up to {@code r·1.1 − 0.1} of the text's width and transparent from
 * {@code r·1.1}, so a soft edge a tenth of the width wide sweeps across it.
 */
final class SlideInTextPainter implements LayerPainter {
  private static final double FADE_WIDTH = 0.1;

  private final FabricText text;
  private final Position position;
  private final int width;
  private final int height;

  private SlideInTextPainter(FabricText text, Position position, int width, int height) {
    this.text = text;
    this.position = position;
    this.width = width;
    this.height = height;
  }

  static SlideInTextPainter create(VisualLayer.SlideInText layer, LayerContext context) throws IOException {
    int w = context.width();
    FabricText.Style style = new FabricText.Style(Math.round(w * layer.fontSize()), layer.color().argb(), Alignment.LEFT,
        OptionalDouble.empty(), w * layer.charSpacing(), 1);
    return new SlideInTextPainter(FabricText.render(context.fonts(), layer.text(), layer.font(), style), layer.position(), w, context.height());
  }

  /** How far the text is revealed at {@code progress}, 0..1, before easing. */
  static double reveal(double progress) {
    return Math.clamp((progress - 0.1) / 0.2, 0, 1);
  }

  static double opacity(double progress) {
    return Math.clamp((0.9 - progress) / 0.1, 0, 1);
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    double reveal = Easing.EASE_IN_OUT_CUBIC.apply(reveal(progress));
    double opacity = opacity(progress);
    if (reveal <= 0 || opacity <= 0) return;
    double left = position.x() * width - position.originFractionX() * text.boxWidth();
    double top = position.y() * height - position.originFractionY() * text.boxHeight();
    float opaqueUntil = (float) Math.max(0, reveal * (1 + FADE_WIDTH) - FADE_WIDTH);
    float clearFrom = (float) Math.min(1, reveal * (1 + FADE_WIDTH));
    try (Paint layerPaint = new Paint().setAlphaf((float) opacity);
        Paint ink = new Paint().setAntiAlias(true)) {
      int saved = canvas.saveLayer(null, layerPaint);
      text.draw(canvas, left, top, 1, ink);
      if (clearFrom < 1) {
        float x0 = (float) left, x1 = (float) (left + text.boxWidth());
        try (Shader mask = Shader.makeLinearGradient(x0, 0, x1, 0, new int[] {0xFFFFFFFF, 0x00FFFFFF},
                new float[] {opaqueUntil, Math.max(clearFrom, opaqueUntil + 1e-4f)}, GradientStyle.DEFAULT);
            Paint maskPaint = new Paint().setShader(mask).setBlendMode(BlendMode.DST_IN)) {
          canvas.drawRect(Rect.makeLTRB(0, 0, width, height), maskPaint);
        }
      }
      canvas.restoreToCount(saved);
    }
  }

  @Override
  public void close() {
    text.close();
  }
}
