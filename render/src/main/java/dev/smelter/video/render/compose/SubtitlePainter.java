package dev.smelter.video.render.compose;

import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.paragraph.Alignment;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Editly's {@code subtitle}: a left-aligned Fabric {@code Textbox} (font size min/20, width
 * W − 2·pad with pad = 0.05·min) whose bottom sits at H − pad, over a full-width box of height
 * text + 2·pad at the bottom of the frame. With {@code e = easeOutExpo(clamp((p − delay)·speed))}
 * the text's centre slides from W/2 − pad to W/2 and both fade in with opacity e.
 */
final class SubtitlePainter implements LayerPainter {
  private final FabricText text;
  private final VisualLayer.Subtitle layer;
  private final int width;
  private final int height;
  private final double pad;

  private SubtitlePainter(FabricText text, VisualLayer.Subtitle layer, int width, int height, double pad) {
    this.text = text;
    this.layer = layer;
    this.width = width;
    this.height = height;
    this.pad = pad;
  }

  static SubtitlePainter create(VisualLayer.Subtitle layer, LayerContext context) throws IOException {
    int w = context.width(), h = context.height();
    double min = Math.min(w, h);
    double pad = 0.05 * min;
    FabricText.Style style = new FabricText.Style((float) (min / 20), layer.textColor().argb(), Alignment.LEFT,
        OptionalDouble.of(w - 2 * pad), 0, 1);
    return new SubtitlePainter(FabricText.render(context.fonts(), layer.text(), layer.font(), style), layer, w, h, pad);
  }

  /** Editly's eased progress of the slide and fade. */
  static double eased(double progress, double delay, double speed) {
    return Easing.EASE_OUT_EXPO.apply(Math.clamp((progress - delay) * speed, 0, 1));
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    double e = eased(progress, layer.delay(), layer.speed());
    if (e <= 0) return;
    float boxHeight = (float) (text.boxHeight() + 2 * pad);
    try (Paint box = new Paint().setAntiAlias(true).setColor(layer.backgroundColor().argb()).setAlphaf((float) (layer.backgroundColor().a() * e));
        Paint ink = new Paint().setAntiAlias(true).setAlphaf((float) e)) {
      canvas.drawRect(FabricRect.bottomLeft(0, height, width, boxHeight), box);
      double centreX = width / 2.0 + (e - 1) * pad;
      text.draw(canvas, centreX - text.boxWidth() / 2, height - pad - text.boxHeight(), 1, ink);
    }
  }

  @Override
  public void close() {
    text.close();
  }
}
