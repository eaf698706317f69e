package dev.smelter.video.render.compose;

import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.paragraph.Alignment;
import io.github.humbleui.types.Rect;
import java.io.IOException;

/**
 * Editly's {@code title}: a Fabric {@code Textbox} 0.8·W wide, font size round(0.1·min(W,H)),
 * centred lines that wrap, rendered to an image once, then scaled by the zoom about its origin and
 * placed by {@code position}.
 *
 * <p>Fabric metrics reproduced: lines are {@code fontSize·1.13·lineHeight(1.16)} apart, the box is
 * {@code fontSize·1.13·(1.16·(n−1) + 1)} tall and the first baseline sits
 * {@code fontSize·1.13·(1 − 0.222)} below its top. The text is rasterised at the largest zoom so
 * that it is only ever scaled down (stays sharp).
 */
final class TitlePainter implements LayerPainter {
  private static final double FONT_SIZE_MULT = 1.13;
  private static final double LINE_HEIGHT = 1.16;
  private static final double FONT_SIZE_FRACTION = 0.222;
  /** Room around the box for glyph parts outside it (descenders, overhangs), in font sizes. */
  private static final double MARGIN = 0.3;

  private final Image text;
  private final double boxWidth;
  private final double boxHeight;
  private final double margin;
  private final Position position;
  private final KenBurns zoom;
  private final int width;
  private final int height;

  private TitlePainter(Image text, double boxWidth, double boxHeight, double margin, Position position, KenBurns zoom, int width, int height) {
    this.text = text;
    this.boxWidth = boxWidth;
    this.boxHeight = boxHeight;
    this.margin = margin;
    this.position = position;
    this.zoom = zoom;
    this.width = width;
    this.height = height;
  }

  static TitlePainter create(VisualLayer.Title layer, LayerContext context) throws IOException {
    int w = context.width(), h = context.height();
    float fontSize = Math.round(0.1 * Math.min(w, h));
    float boxWidth = 0.8f * w;
    double lineAdvance = fontSize * FONT_SIZE_MULT * LINE_HEIGHT;
    double firstBaseline = fontSize * FONT_SIZE_MULT * (1 - FONT_SIZE_FRACTION);
    double margin = MARGIN * fontSize;
    double scale = StillImagePainter.maxScale(layer.zoom());
    JobFonts.TextLook look = new JobFonts.TextLook(fontSize, layer.textColor().argb(), (float) (FONT_SIZE_MULT * LINE_HEIGHT), Alignment.CENTER);
    return context.fonts().layout(layer.text(), layer.font(), look, boxWidth, paragraph -> {
      int lines = Math.max(1, (int) paragraph.getLineNumber());
      double boxHeight = fontSize * FONT_SIZE_MULT * (LINE_HEIGHT * (lines - 1) + 1);
      double baselineShift = firstBaseline - (paragraph.getLineMetrics().length > 0 ? paragraph.getLineMetrics()[0].getBaseline() : firstBaseline);
      int imageWidth = (int) Math.ceil((boxWidth + 2 * margin) * scale);
      int imageHeight = (int) Math.ceil((boxHeight + 2 * margin) * scale);
      try (Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(imageWidth, imageHeight))) {
        Canvas canvas = surface.getCanvas();
        canvas.clear(0);
        canvas.scale((float) scale, (float) scale);
        paragraph.paint(canvas, (float) margin, (float) (margin + baselineShift));
        return new TitlePainter(surface.makeImageSnapshot(), boxWidth, boxHeight, margin, layer.position(), layer.zoom(), w, h);
      }
    });
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    double s = zoom.scaleAt(progress);
    double left = position.x() * width - position.originFractionX() * boxWidth * s;
    double top = position.y() * height - position.originFractionY() * boxHeight * s;
    Rect target = Rect.makeXYWH((float) (left - margin * s), (float) (top - margin * s),
        (float) ((boxWidth + 2 * margin) * s), (float) ((boxHeight + 2 * margin) * s));
    Resampler.draw(canvas, text, target);
  }

  @Override
  public void close() {
    text.close();
  }
}
