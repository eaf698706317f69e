package dev.smelter.video.render.compose;

import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Canvas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Everything one clip needs to be drawn, prepared when the clip is first needed. */
final class ClipResources implements AutoCloseable {
  private final ClipPlan clip;
  private final List<LayerPainter> painters;

  private ClipResources(ClipPlan clip, List<LayerPainter> painters) {
    this.clip = clip;
    this.painters = painters;
  }

  static ClipResources open(ClipPlan clip, LayerContext context) {
    List<LayerPainter> painters = new ArrayList<>(clip.layers().size());
    try {
      for (VisualLayer layer : clip.layers()) painters.add(prepare(layer, clip, context));
      return new ClipResources(clip, List.copyOf(painters));
    } catch (RuntimeException e) {
      painters.forEach(LayerPainter::close);
      throw e;
    }
  }

  private static LayerPainter prepare(VisualLayer layer, ClipPlan clip, LayerContext context) {
    try {
      return LayerPainter.create(layer, clip, context);
    } catch (IOException e) {
      throw new CompositionException(layer.at(), e.getMessage(), e);
    } catch (CompositionException | UnsupportedOperationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CompositionException(layer.at(), "cannot prepare layer: " + e, e);
    }
  }

  /** Draws the clip's local frame {@code k}: its visible layers in order, last on top. */
  void paint(Canvas canvas, int k) {
    double t = clip.timeOf(k);
    for (int i = 0; i < painters.size(); i++) {
      VisualLayer layer = clip.layers().get(i);
      if (layer.window().visibleAt(t)) painters.get(i).paint(canvas, k, layer.window().progressAt(t));
    }
  }

  void releaseBefore(int k) {
    painters.forEach(p -> p.releaseBefore(k));
  }

  List<LayerPainter> painters() {
    return painters;
  }

  @Override
  public void close() {
    painters.forEach(LayerPainter::close);
  }
}
