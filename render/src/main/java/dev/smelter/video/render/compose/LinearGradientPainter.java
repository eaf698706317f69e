package dev.smelter.video.render.compose;

import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.GradientStyle;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.Rect;

/**
 * {@code linear-gradient}: Editly fills a 2W×2H rectangle centred on the frame with a gradient
 * from the rectangle's top-left corner to (W, H) further on, i.e. from (−W/2, −H/2) to the frame
 * centre, and rotates the rectangle by 30°·progress about the centre.
 */
record LinearGradientPainter(VisualLayer.LinearGradient layer, int width, int height) implements LayerPainter {
  /**
   * Colours interpolated unpremultiplied, then premultiplied, as cairo (pixman) does (Skija's
   * default interpolates premultiplied). It shows with alpha: from {@code rgba(0,0,0,0)} to blue the
   * colour darkens towards the transparent end instead of staying blue (Editly's
   * transparentGradient example; measured on its output).
   */
  static final GradientStyle AS_CAIRO = GradientStyle.DEFAULT.withPremul(false);

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    float w = width, h = height;
    try (Shader gradient = Shader.makeLinearGradient(-w / 2, -h / 2, w / 2, h / 2, new int[] {layer.from().argb(), layer.to().argb()}, null, AS_CAIRO);
        Paint paint = new Paint().setShader(gradient)) {
      int saved = canvas.save();
      canvas.translate(w / 2, h / 2).rotate((float) (30 * progress)).translate(-w / 2, -h / 2);
      canvas.drawRect(Rect.makeLTRB(-w / 2, -h / 2, 1.5f * w, 1.5f * h), paint);
      canvas.restoreToCount(saved);
    }
  }
}
