package dev.smelter.video.plan;

import java.util.List;

/**
 * One clip: {@code frames = round(duration·fps)} local frames, of which the first
 * {@code T(i−1)} are shown inside the previous transition and the last {@code T(i)} inside the next.
 *
 * @param firstOutputFrame output frame at which this clip's local frame {@code T(i−1)} is shown
 *     (its first frame outside the incoming transition)
 * @param startTime where the clip starts on the audio timeline: {@code Σ_{j<i}(dⱼ − tⱼ)}
 */
public record ClipPlan(
    int index,
    String at,
    double duration,
    int frames,
    int firstOutputFrame,
    double startTime,
    List<VisualLayer> layers) {

  public ClipPlan {
    layers = List.copyOf(layers);
  }

  /** Clip-local time of local frame {@code k}: {@code duration · k / frames} (Editly's rule). */
  public double timeOf(int k) {
    return duration * k / frames;
  }
}
