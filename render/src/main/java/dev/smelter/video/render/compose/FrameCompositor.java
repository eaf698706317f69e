package dev.smelter.video.render.compose;

import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.FrameRef;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.TransitionPlan;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.render.gpu.GpuUnavailableException;
import dev.smelter.video.render.shader.ShaderException;
import dev.smelter.video.render.shader.ShaderThread;
import dev.smelter.video.render.transition.Transition;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.render.transition.Transitions;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Draws the output frames of a {@link RenderPlan} with Skia, the way Editly 0.14.2 composes them:
 * a transparent frame, the clip's visible layers in order, and during a transition both clips'
 * frames rendered offscreen and blended by the {@link Transition}.
 *
 * <p>Threading: {@link #render} may be called from several threads at once for different frames
 * (one target surface per thread). Per-clip resources are created by the first thread that needs
 * them and shared; each thread keeps its own pair of offscreen surfaces for transitions.
 *
 * <p>Memory: resources live from a clip's first use until {@link #releaseBefore} reports that all
 * frames before the clip's end are done (video frames are released frame by frame), so a job of
 * any length holds only the clips around the frames in flight. {@link #prepare} lets a pipeline
 * create a clip's resources ahead of time, off the drawing threads.
 */
public final class FrameCompositor implements AutoCloseable {
  private final RenderPlan plan;
  private final int width;
  private final int height;
  private final LayerContext context;
  private final JobFonts fonts;
  private final ShaderThreads shaders;
  /** Per clip boundary; null where the plan has a hard cut. */
  private final Transition[] transitions;
  private final Map<Integer, ClipSlot> slots = new ConcurrentHashMap<>();
  private final Map<Thread, FramePair> offscreens = new ConcurrentHashMap<>();

  public FrameCompositor(RenderPlan plan, VideoSourceFactory videos) {
    this(plan, videos, CompositorOptions.DEFAULTS);
  }

  /** @throws IllegalArgumentException naming the first transition it cannot draw */
  public FrameCompositor(RenderPlan plan, VideoSourceFactory videos, CompositorOptions options) {
    this(plan, videos, options, ShaderThreads.EGL);
  }

  FrameCompositor(RenderPlan plan, VideoSourceFactory videos, CompositorOptions options, ShaderThreads.Starter gl) {
    this.plan = plan;
    this.width = plan.output().width();
    this.height = plan.output().height();
    this.transitions = new Transition[plan.transitions().size()];
    for (TransitionPlan t : plan.transitions()) {
      if (t.isNone()) continue;
      try {
        transitions[t.fromClip()] = Transitions.byName(t.name());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("clips[" + t.fromClip() + "].transition: " + e.getMessage(), e);
      }
    }
    this.fonts = new JobFonts();
    this.shaders = new ShaderThreads(width, height, gl);
    this.context = new LayerContext(width, height, plan.output().fps(), options, fonts, videos, shaders);
  }

  /**
   * What this compositor cannot draw in {@code plan}, as problems with JSON paths, so callers can
   * refuse the spec as bad input before anything is rendered: shader layers when there is no usable
   * GL or their GLSL does not compile (this starts a GL context briefly, only when the plan has
   * shader layers). Nothing else needs checking: every other layer type always renders (the painter
   * switch is exhaustive over the sealed layer types), and every transition name the planner
   * produces has an implementation ({@code TransitionsTest} holds the registry to the catalogue).
   */
  public static List<Problem> unsupported(RenderPlan plan) {
    return unsupported(plan, ShaderThreads.EGL);
  }

  static List<Problem> unsupported(RenderPlan plan, ShaderThreads.Starter gl) {
    List<Problem> out = new ArrayList<>();
    List<VisualLayer.Shader> shaderLayers = new ArrayList<>();
    for (var clip : plan.clips()) {
      for (VisualLayer layer : clip.layers()) {
        if (layer instanceof VisualLayer.Shader shader) shaderLayers.add(shader);
      }
    }
    if (!shaderLayers.isEmpty()) out.addAll(shaderProblems(shaderLayers, gl));
    return out;
  }

  /** Shader layers need a GL context and GLSL that compiles: both are checked before any frame. */
  private static List<Problem> shaderProblems(List<VisualLayer.Shader> layers, ShaderThreads.Starter starter) {
    List<Problem> out = new ArrayList<>();
    try (ShaderThread gl = starter.start(16, 16)) {
      for (VisualLayer.Shader layer : layers) {
        try {
          gl.release(gl.compile(layer.fragmentSource(), layer.vertexSource()));
        } catch (ShaderException e) {
          out.add(new Problem(layer.at(), e.getMessage()));
        }
      }
    } catch (GpuUnavailableException e) {
      for (VisualLayer.Shader layer : layers) out.add(new Problem(layer.at() + ".type", ShaderThreads.noGl(e.getMessage())));
    }
    return out;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Renders output frame {@code outputFrame} into {@code target} (its size must be the plan's). */
  public void render(int outputFrame, Surface target) {
    render(outputFrame, target.getCanvas());
  }

  /**
   * Replaces the canvas content with output frame {@code outputFrame}: transparent, then the layers.
   * Transition offscreens are made like the canvas' surface (raster or GPU).
   */
  public void render(int outputFrame, Canvas canvas) {
    FrameRef ref = plan.frameAt(outputFrame);
    canvas.clear(0);
    switch (ref) {
      case FrameRef.Single single -> paintClip(canvas, single.clip(), single.frame());
      case FrameRef.Blend blend -> {
        FramePair pair = offscreens.computeIfAbsent(Thread.currentThread(), thread -> FramePair.like(canvas, width, height));
        pair.from().getCanvas().clear(0);
        paintClip(pair.from().getCanvas(), blend.fromClip(), blend.fromFrame());
        pair.to().getCanvas().clear(0);
        paintClip(pair.to().getCanvas(), blend.toClip(), blend.toFrame());
        try (Image from = pair.from().makeImageSnapshot(); Image to = pair.to().makeImageSnapshot()) {
          transitions[blend.fromClip()].draw(canvas, from, to, blend.progress(), blend.transition().params(), width, height);
        }
      }
    }
  }

  /** Creates the resources of the clips shown at {@code outputFrame} now, if not done yet. */
  public void prepare(int outputFrame) {
    switch (plan.frameAt(outputFrame)) {
      case FrameRef.Single single -> withClip(single.clip(), resources -> {});
      case FrameRef.Blend blend -> {
        withClip(blend.fromClip(), resources -> {});
        withClip(blend.toClip(), resources -> {});
      }
    }
  }

  /**
   * All output frames before {@code outputFrame} are done: clips that end before it are released,
   * and video layers drop their frames before it. Frames before it must not be rendered again.
   */
  public void releaseBefore(int outputFrame) {
    for (Integer clipIndex : new ArrayList<>(slots.keySet())) {
      int start = firstOutputFrameOf(clipIndex);
      int end = start + plan.clips().get(clipIndex).frames();
      if (end <= outputFrame) {
        ClipSlot slot = slots.remove(clipIndex);
        if (slot != null) slot.close();
      } else if (outputFrame > start) {
        ClipSlot slot = slots.get(clipIndex);
        if (slot != null) slot.ifOpen(resources -> resources.releaseBefore(outputFrame - start));
      }
    }
  }

  /** Indices of the clips whose resources are currently held. */
  public Set<Integer> openClips() {
    return new TreeSet<>(slots.keySet());
  }

  @Override
  public void close() {
    slots.values().forEach(ClipSlot::close);
    slots.clear();
    offscreens.values().forEach(FramePair::close);
    offscreens.clear();
    shaders.close();
    fonts.close();
  }

  /** Painters of a clip that is currently open (tests). */
  List<LayerPainter> paintersOf(int clip) {
    List<LayerPainter> painters = new ArrayList<>();
    ClipSlot slot = slots.get(clip);
    if (slot != null) slot.ifOpen(resources -> painters.addAll(resources.painters()));
    return painters;
  }

  /** The output frame that shows clip-local frame 0 (inside the incoming transition). */
  private int firstOutputFrameOf(int clip) {
    return plan.clips().get(clip).firstOutputFrame() - plan.incomingFrames(clip);
  }

  private void paintClip(Canvas canvas, int clip, int localFrame) {
    withClip(clip, resources -> resources.paint(canvas, localFrame));
  }

  private void withClip(int clip, Consumer<ClipResources> action) {
    ClipPlan clipPlan = plan.clips().get(clip);
    // A slot closed by releaseBefore between lookup and use is replaced by a fresh one.
    while (!slots.computeIfAbsent(clip, c -> new ClipSlot(() -> ClipResources.open(clipPlan, context))).use(action)) {
      Thread.onSpinWait();
    }
  }

  /** One thread's offscreen surfaces for the two sides of a transition. */
  private record FramePair(Surface from, Surface to) {
    static FramePair like(Canvas canvas, int width, int height) {
      return new FramePair(surfaceLike(canvas, width, height), surfaceLike(canvas, width, height));
    }

    private static Surface surfaceLike(Canvas canvas, int width, int height) {
      try (Surface target = canvas.getSurface()) { // an owned reference, null for e.g. picture recorders
        Surface made = target == null ? null : target.makeSurface(width, height);
        return made != null ? made : Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
      }
    }

    void close() {
      from.close();
      to.close();
    }
  }
}
