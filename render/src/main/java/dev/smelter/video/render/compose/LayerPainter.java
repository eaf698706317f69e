package dev.smelter.video.render.compose;

import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import java.io.IOException;

/**
 * Draws one layer of a clip, holding whatever it prepared once for the whole clip (decoded and
 * pre-scaled pictures, blurred backdrops, rasterised text, a video decoder). Painters are shared by
 * all compositor threads: {@link #paint} must be safe to call concurrently.
 */
sealed interface LayerPainter extends AutoCloseable
    permits FillColorPainter, StillImagePainter, VideoPainter, TitlePainter, OverlayPainter, LinearGradientPainter, RadialGradientPainter,
        SubtitlePainter, NewsTitlePainter, SlideInTextPainter, ShaderPainter {

  /**
   * @param localFrame the clip-local frame being drawn
   * @param progress the layer's progress in its window, 0..1
   */
  void paint(Canvas canvas, int localFrame, double progress);

  /** The clip's frames before {@code localFrame} are done; per-frame resources for them may go. */
  default void releaseBefore(int localFrame) {}

  @Override
  default void close() {}

  static LayerPainter create(VisualLayer layer, ClipPlan clip, LayerContext context) throws IOException {
    return switch (layer) {
      case VisualLayer.Image image -> StillImagePainter.create(image, context);
      case VisualLayer.Video video -> VideoPainter.create(video, clip, context);
      case VisualLayer.FillColor fill -> new FillColorPainter(fill.color(), context.width(), context.height());
      case VisualLayer.Title title -> TitlePainter.create(title, context);
      case VisualLayer.ImageOverlay overlay -> OverlayPainter.create(overlay, context);
      case VisualLayer.LinearGradient gradient -> new LinearGradientPainter(gradient, context.width(), context.height());
      case VisualLayer.RadialGradient gradient -> new RadialGradientPainter(gradient, context.width(), context.height());
      case VisualLayer.Subtitle subtitle -> SubtitlePainter.create(subtitle, context);
      case VisualLayer.NewsTitle news -> NewsTitlePainter.create(news, context);
      case VisualLayer.SlideInText slide -> SlideInTextPainter.create(slide, context);
      case VisualLayer.Shader shader -> ShaderPainter.create(shader, context);
    };
  }
}
