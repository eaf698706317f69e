package dev.smelter.video.render.compose;

import dev.smelter.video.plan.FontRef;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.paragraph.Alignment;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * A Fabric 5 {@code Text} / {@code Textbox} laid out with Skia's paragraph API and rasterised once,
 * with the geometry Fabric gives the object (its box), so painters can place and animate it the way
 * Editly does.
 *
 * <p>Fabric metrics reproduced: lines are {@code fontSize·1.13·1.16} apart, the box is
 * {@code fontSize·1.13·(1.16·(n−1) + 1)} tall, the first baseline sits
 * {@code fontSize·1.13·(1 − 0.222)} below its top, and {@code charSpacing} (1/1000 em) is added
 * after every character, the last included. A {@code Textbox} keeps its given width and wraps
 * words in it; a {@code Text} never wraps and is as wide as its longest line.
 *
 * @param image the text, drawn at {@code scale} with {@code margin} around the box
 * @param boxWidth Fabric's object width, in output pixels
 * @param boxHeight Fabric's object height, in output pixels
 * @param margin room around the box for glyph parts outside it, in output pixels
 * @param scale pixels of {@code image} per output pixel (rasterised at the largest zoom)
 */
record FabricText(Image image, double boxWidth, double boxHeight, double margin, double scale) implements AutoCloseable {
  static final double FONT_SIZE_MULT = 1.13;
  static final double LINE_HEIGHT = 1.16;
  private static final double FONT_SIZE_FRACTION = 0.222;
  /** Room around the box for descenders and overhangs, in font sizes. */
  private static final double MARGIN = 0.3;
  /** Wide enough never to wrap a Fabric {@code Text}. */
  private static final float NO_WRAP = 1e6f;

  /**
   * @param wrapWidth a {@code Textbox}'s width; empty for a {@code Text}
   * @param charSpacing Fabric's charSpacing, thousandths of the font size
   */
  record Style(float fontSize, int argb, Alignment alignment, OptionalDouble wrapWidth, double charSpacing, double scale) {}

  static FabricText render(JobFonts fonts, String text, FontRef font, Style style) throws IOException {
    float fontSize = style.fontSize();
    float letterSpacing = (float) (style.charSpacing() * fontSize / 1000);
    JobFonts.TextLook look = new JobFonts.TextLook(fontSize, style.argb(), (float) (FONT_SIZE_MULT * LINE_HEIGHT), style.alignment(), letterSpacing);
    double firstBaseline = fontSize * FONT_SIZE_MULT * (1 - FONT_SIZE_FRACTION);
    double margin = MARGIN * fontSize;
    double scale = style.scale();
    float layoutWidth = style.wrapWidth().isPresent() ? (float) style.wrapWidth().getAsDouble() : NO_WRAP;
    return fonts.layout(text, font, look, layoutWidth, paragraph -> {
      int lines = Math.max(1, (int) paragraph.getLineNumber());
      double boxWidth = style.wrapWidth().orElse(Math.ceil(paragraph.getLongestLine() * 100) / 100);
      double boxHeight = fontSize * FONT_SIZE_MULT * (LINE_HEIGHT * (lines - 1) + 1);
      var metrics = paragraph.getLineMetrics();
      double baselineShift = firstBaseline - (metrics.length > 0 ? metrics[0].getBaseline() : firstBaseline);
      // A Text's lines are aligned within the longest one; with a huge layout width, shift them back.
      double alignShift = style.wrapWidth().isPresent() ? 0 : -alignmentOffset(style.alignment(), layoutWidth, paragraph.getLongestLine());
      int imageWidth = Math.max(1, (int) Math.ceil((boxWidth + 2 * margin) * scale));
      int imageHeight = Math.max(1, (int) Math.ceil((boxHeight + 2 * margin) * scale));
      try (Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(imageWidth, imageHeight))) {
        Canvas canvas = surface.getCanvas();
        canvas.clear(0);
        canvas.scale((float) scale, (float) scale);
        paragraph.paint(canvas, (float) (margin + alignShift), (float) (margin + baselineShift));
        return new FabricText(surface.makeImageSnapshot(), boxWidth, boxHeight, margin, scale);
      }
    });
  }

  private static double alignmentOffset(Alignment alignment, double layoutWidth, double longest) {
    return switch (alignment) {
      case CENTER -> (layoutWidth - longest) / 2;
      case RIGHT, END -> layoutWidth - longest;
      default -> 0;
    };
  }

  /** Draws the text with its box's top-left corner at ({@code left}, {@code top}), scaled by {@code zoom}. */
  void draw(Canvas canvas, double left, double top, double zoom, Paint paint) {
    Rect target = Rect.makeXYWH((float) (left - margin * zoom), (float) (top - margin * zoom),
        (float) ((boxWidth + 2 * margin) * zoom), (float) ((boxHeight + 2 * margin) * zoom));
    canvas.drawImageRect(image, Rect.makeWH(image.getWidth(), image.getHeight()), target, Resampler.PER_FRAME, paint, false);
  }

  @Override
  public void close() {
    image.close();
  }
}
