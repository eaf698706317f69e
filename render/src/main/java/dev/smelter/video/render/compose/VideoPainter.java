package dev.smelter.video.render.compose;

import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.ResizeMode;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.render.media.VideoFrameReader;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.util.Optional;

/**
 * Editly's {@code video} layer. The decoder delivers frames already fitted into the placement box
 * (width/height relative to the frame); they are drawn with the box's origin at (left·W, top·H).
 *
 * <p>Playback starts at cutFrom when the layer first becomes visible: its n-th visible clip frame
 * shows decoded frame n. With {@code contain}/{@code contain-blur} Editly centres the fitted frame
 * in the box with an offset of {@code ±(box − frame)/2}, "+" only for origin left/top, so origin
 * {@code center} ends up shifted like {@code right}; reproduced. {@code contain-blur} draws the
 * fitted frame stretched to the box and blurred, per frame, underneath.
 */
final class VideoPainter implements LayerPainter {
  private final DecodedVideo frames;
  private final int firstVisibleFrame;
  private final Rect boxRect;
  private final float pictureLeft;
  private final float pictureTop;

  private VideoPainter(DecodedVideo frames, int firstVisibleFrame, Rect boxRect, float pictureLeft, float pictureTop) {
    this.frames = frames;
    this.firstVisibleFrame = firstVisibleFrame;
    this.boxRect = boxRect;
    this.pictureLeft = pictureLeft;
    this.pictureTop = pictureTop;
  }

  static VideoPainter create(VisualLayer.Video layer, ClipPlan clip, LayerContext context) throws IOException {
    int w = context.width(), h = context.height();
    VisualLayer.Box box = layer.box();
    int boxWidth = box.width() > 0 ? (int) Math.round(box.width() * w) : w;
    int boxHeight = box.height() > 0 ? (int) Math.round(box.height() * h) : h;
    double left = box.left() * w, top = box.top() * h;
    double originX = new Position(0, 0, box.originX(), box.originY()).originFractionX();
    double originY = new Position(0, 0, box.originX(), box.originY()).originFractionY();

    VideoFrameReader reader = context.videos().open(new VideoSourceFactory.Request(
        layer.at(), layer.path(), layer.cutFrom(), layer.cutTo(), layer.speed(), context.fps(), boxWidth, boxHeight, fitOf(layer.resizeMode())));
    int frameWidth = reader.width(), frameHeight = reader.height();
    double offsetX = 0, offsetY = 0;
    boolean contain = layer.resizeMode() == ResizeMode.CONTAIN || layer.resizeMode() == ResizeMode.CONTAIN_BLUR;
    if (contain) {
      offsetX = (box.originX() == Position.OriginX.LEFT ? 1 : -1) * (boxWidth - frameWidth) / 2.0;
      offsetY = (box.originY() == Position.OriginY.TOP ? 1 : -1) * (boxHeight - frameHeight) / 2.0;
    }
    Optional<DecodedVideo.BoxSize> backdrop = layer.resizeMode() == ResizeMode.CONTAIN_BLUR
        ? Optional.of(new DecodedVideo.BoxSize(boxWidth, boxHeight)) : Optional.empty();
    DecodedVideo frames = new DecodedVideo(layer.at(), reader, context.options().videoReadAhead(), context.options().videoFrameTimeout(), backdrop);
    Rect boxRect = Rect.makeXYWH((float) (left - originX * boxWidth), (float) (top - originY * boxHeight), boxWidth, boxHeight);
    return new VideoPainter(frames, firstVisibleFrame(layer, clip), boxRect,
        (float) (left + offsetX - originX * frameWidth), (float) (top + offsetY - originY * frameHeight));
  }

  static VideoFrameReader.Fit fitOf(ResizeMode mode) {
    return switch (mode) {
      case CONTAIN, CONTAIN_BLUR -> VideoFrameReader.Fit.INSIDE;
      case COVER -> VideoFrameReader.Fit.COVER;
      case STRETCH -> VideoFrameReader.Fit.STRETCH;
    };
  }

  private static int firstVisibleFrame(VisualLayer layer, ClipPlan clip) {
    for (int k = 0; k < clip.frames(); k++) if (layer.window().visibleAt(clip.timeOf(k))) return k;
    return clip.frames();
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    frames.frame(localFrame - firstVisibleFrame).ifPresent(frame -> {
      frame.backdrop().ifPresent(b -> Resampler.draw(canvas, b, boxRect));
      Image picture = frame.picture();
      Resampler.draw(canvas, picture, Rect.makeXYWH(pictureLeft, pictureTop, picture.getWidth(), picture.getHeight()));
    });
  }

  @Override
  public void releaseBefore(int localFrame) {
    frames.releaseBefore(localFrame - firstVisibleFrame);
  }

  /** Frames held in the decode window (tests). */
  int heldFrames() {
    return frames.heldFrames();
  }

  @Override
  public void close() {
    frames.close();
  }
}
