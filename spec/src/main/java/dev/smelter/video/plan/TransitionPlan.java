package dev.smelter.video.plan;

/**
 * The transition from clip {@code fromClip} into the next one.
 *
 * @param name canonical gl-transitions name in lower case ({@code fade}, {@code directional},
 *     {@code crosswarp}, ...) or {@code dummy}; {@code none} when {@code frames == 0}
 * @param duration seconds after Editly's clamping to half of both neighbours (used by the audio
 *     crossfade)
 * @param frames overlap in frames {@code T = floor(min(min(Nᵢ, Nᵢ₊₁)/2, round(t·fps)))}
 * @param requestedName what the spec asked for (e.g. {@code random}, {@code directional-left})
 */
public record TransitionPlan(
    int fromClip,
    String name,
    String requestedName,
    double duration,
    int frames,
    Easing easing,
    TransitionParams params,
    String audioOutCurve,
    String audioInCurve) {

  public static TransitionPlan none(int fromClip) {
    return new TransitionPlan(fromClip, "none", "none", 0, 0, Easing.LINEAR, TransitionParams.NONE, "tri", "tri");
  }

  public boolean isNone() {
    return frames == 0;
  }

  /** Eased progress of overlap frame {@code k} (0 ≤ k < frames): {@code ease(k / frames)}, never 1. */
  public double progressAt(int k) {
    return easing.apply((double) k / frames);
  }
}
