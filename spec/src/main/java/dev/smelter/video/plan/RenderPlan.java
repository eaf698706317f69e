package dev.smelter.video.plan;

import java.util.List;
import java.util.Optional;

/**
 * Everything needed to render one video, resolved and frame-exact.
 *
 * <p>Timeline (Editly {@code index.js}): clip {@code i} has {@code Nᵢ = round(dᵢ·fps)} frames; the
 * output walks clip {@code i}'s local frames {@code T(i−1) … Nᵢ−1}, blending the last {@code Tᵢ} of
 * them with frames {@code 0 … Tᵢ−1} of clip {@code i+1}. Hence
 * {@code totalFrames = ΣNᵢ − ΣTᵢ}.
 *
 * @param transitions one per clip boundary ({@code clips.size() − 1} entries, possibly none)
 * @param audio empty when the output has no audio stream
 * @param seed the seed that resolved every random choice (recorded in results)
 */
public record RenderPlan(
    OutputSpec output,
    List<ClipPlan> clips,
    List<TransitionPlan> transitions,
    Optional<AudioPlan> audio,
    long seed,
    int totalFrames,
    List<String> warnings) {

  public RenderPlan {
    clips = List.copyOf(clips);
    transitions = List.copyOf(transitions);
    warnings = List.copyOf(warnings);
    if (clips.isEmpty()) throw new IllegalArgumentException("a plan needs at least one clip");
    if (transitions.size() != clips.size() - 1) {
      throw new IllegalArgumentException("need " + (clips.size() - 1) + " transitions, got " + transitions.size());
    }
  }

  /** The same plan writing elsewhere or with other encoder settings (CLI/service overrides). */
  /** This plan with {@code more} warnings after its own (found by checks after planning). */
  public RenderPlan withWarnings(List<String> more) {
    if (more.isEmpty()) return this;
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new RenderPlan(output, clips, transitions, audio, seed, totalFrames, all);
  }

  public RenderPlan withOutput(OutputSpec newOutput) {
    if (newOutput.width() != output.width() || newOutput.height() != output.height() || !newOutput.fps().equals(output.fps())) {
      throw new IllegalArgumentException("size and frame rate are part of the timeline and cannot change here");
    }
    return new RenderPlan(newOutput, clips, transitions, audio, seed, totalFrames, warnings);
  }

  /** Frames of the transition into clip {@code i} ({@code T(i−1)}), 0 for the first clip. */
  public int incomingFrames(int clip) {
    return clip == 0 ? 0 : transitions.get(clip - 1).frames();
  }

  /** Frames of the transition out of clip {@code i} ({@code Tᵢ}), 0 for the last clip. */
  public int outgoingFrames(int clip) {
    return clip == clips.size() - 1 ? 0 : transitions.get(clip).frames();
  }

  public double durationSeconds() {
    return totalFrames / output.fps().value();
  }

  /** What output frame {@code f} shows. */
  public FrameRef frameAt(int f) {
    if (f < 0 || f >= totalFrames) throw new IndexOutOfBoundsException("frame " + f + " of " + totalFrames);
    int lo = 0, hi = clips.size() - 1;
    while (lo < hi) { // last clip whose firstOutputFrame <= f
      int mid = (lo + hi + 1) >>> 1;
      if (clips.get(mid).firstOutputFrame() <= f) lo = mid; else hi = mid - 1;
    }
    ClipPlan clip = clips.get(lo);
    int local = incomingFrames(lo) + (f - clip.firstOutputFrame());
    int out = outgoingFrames(lo);
    if (out > 0 && local >= clip.frames() - out) {
      int k = local - (clip.frames() - out);
      TransitionPlan t = transitions.get(lo);
      return new FrameRef.Blend(lo, local, lo + 1, k, t, k, t.progressAt(k));
    }
    return new FrameRef.Single(lo, local);
  }
}
