package dev.smelter.video.render.compose;

import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.TransitionParams;
import dev.smelter.video.plan.TransitionPlan;
import dev.smelter.video.plan.VisualLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds frame-exact plans by hand (the planner lives elsewhere), with Editly's timeline rules. */
final class TestPlans {
  private final int width;
  private final int height;
  private final int fps;
  private final List<Double> durations = new ArrayList<>();
  private final List<Function<Integer, List<VisualLayer>>> layers = new ArrayList<>();
  private final List<TransitionPlan> transitions = new ArrayList<>();

  private TestPlans(int width, int height, int fps) {
    this.width = width;
    this.height = height;
    this.fps = fps;
  }

  static TestPlans of(int width, int height, int fps) {
    return new TestPlans(width, height, fps);
  }

  /** Adds a clip; {@code layers} gets the clip index (for {@code at} paths). */
  TestPlans clip(double duration, Function<Integer, List<VisualLayer>> clipLayers) {
    if (durations.size() > transitions.size()) transitions.add(TransitionPlan.none(durations.size() - 1));
    durations.add(duration);
    layers.add(clipLayers);
    return this;
  }

  /** The transition between the last added clip and the next one. */
  TestPlans transition(String name, int frames, Easing easing, TransitionParams params) {
    int from = durations.size() - 1;
    transitions.add(new TransitionPlan(from, name, name, (double) frames / fps, frames, easing, params, "tri", "tri"));
    return this;
  }

  RenderPlan build() {
    List<ClipPlan> clips = new ArrayList<>();
    int firstOutput = 0;
    int total = 0;
    for (int i = 0; i < durations.size(); i++) {
      int frames = (int) Math.round(durations.get(i) * fps);
      int incoming = i == 0 ? 0 : transitions.get(i - 1).frames();
      int outgoing = i == durations.size() - 1 ? 0 : transitions.get(i).frames();
      if (i > 0) firstOutput += (int) Math.round(durations.get(i - 1) * fps) - (i == 1 ? 0 : transitions.get(i - 2).frames());
      clips.add(new ClipPlan(i, "clips[" + i + "]", durations.get(i), frames, firstOutput, 0, layers.get(i).apply(i)));
      total += frames - outgoing;
    }
    OutputSpec output = new OutputSpec(Path.of("out.mp4"), OutputSpec.Format.MP4, width, height, new Rational(fps, 1),
        new OutputSpec.EncodeSettings(Optional.empty(), "veryfast", 23, Optional.empty(), "yuv420p", "high", "128k", true));
    return new RenderPlan(output, clips, transitions, Optional.empty(), 1, total, List.of());
  }
}
