package dev.smelter.video.render.compose;

import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.paragraph.Alignment;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Editly's {@code news-title}: a one-line Fabric {@code Text} (font size round(0.05·min),
 * charSpacing 0.1·W thousandths of an em) with its top at 0.08·H, on a box padded by 0.07·min left
 * and right and 0.03·min above and below. The box slides in from the left (easeOutExpo at 3× speed),
 * the text slides in at 4× speed from p = delay + 0.02 and fades in at 4× speed from delay + 0.07.
 * {@code position} is ignored, as in Editly (#156).
 */
final class NewsTitlePainter implements LayerPainter {
  private final FabricText text;
  private final VisualLayer.NewsTitle layer;
  private final int width;
  private final int height;
  private final double padX;
  private final double padY;

  private NewsTitlePainter(FabricText text, VisualLayer.NewsTitle layer, int width, int height, double padX, double padY) {
    this.text = text;
    this.layer = layer;
    this.width = width;
    this.height = height;
    this.padX = padX;
    this.padY = padY;
  }

  static NewsTitlePainter create(VisualLayer.NewsTitle layer, LayerContext context) throws IOException {
    int w = context.width(), h = context.height();
    double min = Math.min(w, h);
    FabricText.Style style = new FabricText.Style(Math.round(0.05 * min), layer.textColor().argb(), Alignment.LEFT,
        OptionalDouble.empty(), 0.1 * w, 1);
    return new NewsTitlePainter(FabricText.render(context.fonts(), layer.text(), layer.font(), style), layer, w, h, 0.07 * min, 0.03 * min);
  }

  private double eased(double progress, double lag, double rate) {
    return Easing.EASE_OUT_EXPO.apply(Math.clamp((progress - layer.delay() - lag) * layer.speed() * rate, 0, 1));
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    double boxSlide = eased(progress, 0, 3);
    double textSlide = eased(progress, 0.02, 4);
    double textOpacity = eased(progress, 0.07, 4);
    double top = 0.08 * height;
    double boxWidth = text.boxWidth() + 2 * padX;
    double boxLeft = (boxSlide - 1) * boxWidth;
    try (Paint box = new Paint().setAntiAlias(true).setColor(layer.backgroundColor().argb());
        Paint ink = new Paint().setAntiAlias(true).setAlphaf((float) textOpacity)) {
      canvas.drawRect(FabricRect.topLeft(boxLeft, top - padY, boxWidth, text.boxHeight() + 2 * padY), box);
      if (textOpacity > 0) text.draw(canvas, padX + (textSlide - 1) * width, top, 1, ink);
    }
  }

  @Override
  public void close() {
    text.close();
  }
}
