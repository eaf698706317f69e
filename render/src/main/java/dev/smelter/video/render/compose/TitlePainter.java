package dev.smelter.video.render.compose;

import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.paragraph.Alignment;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Editly's {@code title}: a Fabric {@code Textbox} 0.8·W wide, font size round(0.1·min(W,H)),
 * centred lines that wrap, rendered to an image once, then scaled by the zoom about its origin and
 * placed by {@code position}. The text is rasterised at the largest zoom so that it is only ever
 * scaled down (stays sharp).
 */
final class TitlePainter implements LayerPainter {
  private final FabricText text;
  private final Position position;
  private final KenBurns zoom;
  private final int width;
  private final int height;

  private TitlePainter(FabricText text, Position position, KenBurns zoom, int width, int height) {
    this.text = text;
    this.position = position;
    this.zoom = zoom;
    this.width = width;
    this.height = height;
  }

  static TitlePainter create(VisualLayer.Title layer, LayerContext context) throws IOException {
    int w = context.width(), h = context.height();
    float fontSize = Math.round(0.1 * Math.min(w, h));
    FabricText.Style style = new FabricText.Style(fontSize, layer.textColor().argb(), Alignment.CENTER,
        OptionalDouble.of(0.8 * w), 0, StillImagePainter.maxScale(layer.zoom()));
    return new TitlePainter(FabricText.render(context.fonts(), layer.text(), layer.font(), style), layer.position(), layer.zoom(), w, h);
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    double s = zoom.scaleAt(progress);
    double left = position.x() * width - position.originFractionX() * text.boxWidth() * s;
    double top = position.y() * height - position.originFractionY() * text.boxHeight() * s;
    try (Paint paint = new Paint().setAntiAlias(true)) {
      text.draw(canvas, left, top, s, paint);
    }
  }

  @Override
  public void close() {
    text.close();
  }
}
