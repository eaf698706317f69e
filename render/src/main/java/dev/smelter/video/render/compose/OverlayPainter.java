package dev.smelter.video.render.compose;

import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.svg.SVGDOM;
import io.github.humbleui.skija.svg.SVGLengthContext;
import io.github.humbleui.types.Point;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Editly's {@code image-overlay}: a PNG/JPEG/SVG placed by {@code position} and scaled to
 * {@code width·W·s}, else {@code height·H·s}, else {@code W·s} (aspect kept), zoom s about the
 * origin. Prepared once at its largest drawn size (SVG rendered at that size, so it stays sharp).
 */
final class OverlayPainter implements LayerPainter {
  private final Image picture;
  private final FittedSize unzoomed;
  private final Position position;
  private final KenBurns zoom;
  private final int width;
  private final int height;

  private OverlayPainter(Image picture, FittedSize unzoomed, Position position, KenBurns zoom, int width, int height) {
    this.picture = picture;
    this.unzoomed = unzoomed;
    this.position = position;
    this.zoom = zoom;
    this.width = width;
    this.height = height;
  }

  static OverlayPainter create(VisualLayer.ImageOverlay layer, LayerContext context) throws IOException {
    boolean svg = layer.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
    double scale = StillImagePainter.maxScale(layer.zoom());
    if (svg) {
      try (Data data = Data.makeFromBytes(Files.readAllBytes(layer.path())); SVGDOM dom = new SVGDOM(data)) {
        Point natural = naturalSize(dom, context);
        FittedSize size = sized(layer, natural.getX(), natural.getY(), context);
        FittedSize largest = size.scaled(scale);
        try (Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(largest.pixelWidth(), largest.pixelHeight()))) {
          surface.getCanvas().clear(0);
          surface.getCanvas().scale(largest.pixelWidth() / natural.getX(), largest.pixelHeight() / natural.getY());
          dom.setContainerSize(natural.getX(), natural.getY());
          dom.render(surface.getCanvas());
          return new OverlayPainter(surface.makeImageSnapshot(), size, layer.position(), layer.zoom(), context.width(), context.height());
        }
      }
    }
    try (EncodedPicture file = EncodedPicture.open(layer.path(), context.options().respectExifOrientation())) {
      FittedSize size = sized(layer, file.width(), file.height(), context);
      FittedSize largest = size.scaled(scale);
      Image decoded = file.decode(Math.min(largest.pixelWidth(), file.width()), Math.min(largest.pixelHeight(), file.height()));
      Image picture = Resampler.shrinkToFit(decoded, file.width(), largest.pixelWidth(), largest.pixelHeight());
      if (picture != decoded) decoded.close();
      return new OverlayPainter(picture, size, layer.position(), layer.zoom(), context.width(), context.height());
    }
  }

  /** The SVG's own size: its width/height attributes, else its viewBox, else the frame. */
  private static Point naturalSize(SVGDOM dom, LayerContext context) {
    var root = dom.getRoot();
    Point intrinsic = root.getIntrinsicSize(new SVGLengthContext(context.width(), context.height()));
    if (intrinsic.getX() > 0 && intrinsic.getY() > 0) return intrinsic;
    Rect viewBox = root.getViewBox();
    if (viewBox != null && viewBox.getWidth() > 0 && viewBox.getHeight() > 0) return new Point(viewBox.getWidth(), viewBox.getHeight());
    return new Point(context.width(), context.height());
  }

  private static FittedSize sized(VisualLayer.ImageOverlay layer, double naturalWidth, double naturalHeight, LayerContext context) {
    double aspect = naturalHeight / naturalWidth;
    if (layer.width().isPresent()) {
      double w = layer.width().getAsDouble() * context.width();
      return new FittedSize(w, w * aspect);
    }
    if (layer.height().isPresent()) {
      double h = layer.height().getAsDouble() * context.height();
      return new FittedSize(h / aspect, h);
    }
    return new FittedSize(context.width(), context.width() * aspect);
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    FittedSize drawn = unzoomed.scaled(zoom.scaleAt(progress));
    double left = position.x() * width - position.originFractionX() * drawn.width();
    double top = position.y() * height - position.originFractionY() * drawn.height();
    Rect target = Rect.makeXYWH((float) left, (float) top, (float) drawn.width(), (float) drawn.height());
    Resampler.draw(canvas, picture, target);
  }

  @Override
  public void close() {
    picture.close();
  }
}
