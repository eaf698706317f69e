package dev.smelter.video.render.compose;

import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.ResizeMode;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.util.Optional;

/**
 * Editly's {@code image} layer: centred, fitted by {@code resizeMode}, zoomed by Ken Burns about its
 * centre, optionally over a blurred stretched copy ({@code contain-blur}).
 *
 * <p>The picture is decoded once and pre-scaled once to the largest size it is ever drawn at; each
 * frame then only draws it with a fractional destination rectangle (a subpixel transform, so the
 * zoom is smooth rather than stepping by whole pixels).
 */
final class StillImagePainter implements LayerPainter {
  private final Image picture;
  private final Optional<Image> backdrop;
  private final FittedSize fitted;
  private final KenBurns zoom;
  private final int width;
  private final int height;

  private StillImagePainter(Image picture, Optional<Image> backdrop, FittedSize fitted, KenBurns zoom, int width, int height) {
    this.picture = picture;
    this.backdrop = backdrop;
    this.fitted = fitted;
    this.zoom = zoom;
    this.width = width;
    this.height = height;
  }

  static StillImagePainter create(VisualLayer.Image layer, LayerContext context) throws IOException {
    int w = context.width(), h = context.height();
    try (EncodedPicture file = EncodedPicture.open(layer.path(), context.options().respectExifOrientation())) {
      FittedSize fitted = FittedSize.of(layer.resizeMode(), file.width(), file.height(), w, h);
      FittedSize largest = fitted.scaled(maxScale(layer.zoom()));
      // The blurred backdrop is stretched to the frame, so it needs the frame's resolution too.
      boolean blur = layer.resizeMode() == ResizeMode.CONTAIN_BLUR;
      int needWidth = Math.max(largest.pixelWidth(), blur ? w / 4 : 1);
      int needHeight = Math.max(largest.pixelHeight(), blur ? h / 4 : 1);
      Image decoded = file.decode(Math.min(needWidth, file.width()), Math.min(needHeight, file.height()));
      Image picture = decoded;
      try {
        Optional<Image> backdrop = blur ? Optional.of(BoxBlur.fullSizeBackdrop(decoded, w, h)) : Optional.empty();
        int pictureWidth = Math.min(largest.pixelWidth(), decoded.getWidth());
        int pictureHeight = Math.min(largest.pixelHeight(), decoded.getHeight());
        if (pictureWidth != decoded.getWidth() || pictureHeight != decoded.getHeight()) {
          picture = Resampler.resizeDecoded(decoded, file.width(), pictureWidth, pictureHeight);
        }
        return new StillImagePainter(picture, backdrop, fitted, layer.zoom(), w, h);
      } finally {
        if (picture != decoded) decoded.close();
      }
    }
  }

  /** The largest zoom factor over the layer's life (zoom is linear in progress). */
  static double maxScale(KenBurns zoom) {
    return Math.max(1, Math.max(zoom.scaleAt(0), zoom.scaleAt(1)));
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    backdrop.ifPresent(b -> canvas.drawImage(b, 0, 0)); // full size: a plain copy
    FittedSize drawn = fitted.scaled(zoom.scaleAt(progress));
    double centreX = width / 2.0 + zoom.translateXAt(progress);
    double centreY = height / 2.0;
    Rect target = Rect.makeXYWH(
        (float) (centreX - drawn.width() / 2), (float) (centreY - drawn.height() / 2), (float) drawn.width(), (float) drawn.height());
    Resampler.draw(canvas, picture, target);
  }

  @Override
  public void close() {
    picture.close();
    backdrop.ifPresent(Image::close);
  }
}
