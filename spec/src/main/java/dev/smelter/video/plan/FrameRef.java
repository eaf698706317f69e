package dev.smelter.video.plan;

/** What an output frame shows: one clip frame, or two blended by a transition. */
public sealed interface FrameRef {
  record Single(int clip, int frame) implements FrameRef {}

  /**
   * @param k overlap frame index 0 ≤ k < transition.frames()
   * @param progress eased progress {@code ease(k/T)}
   */
  record Blend(int fromClip, int fromFrame, int toClip, int toFrame, TransitionPlan transition, int k, double progress)
      implements FrameRef {}
}
