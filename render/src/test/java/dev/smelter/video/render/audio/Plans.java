package dev.smelter.video.render.audio;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.AudioPlan.ClipAudio;
import dev.smelter.video.plan.AudioPlan.Join;
import dev.smelter.video.plan.AudioPlan.Normalization;
import dev.smelter.video.plan.AudioPlan.Source;
import dev.smelter.video.plan.AudioPlan.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Small builders for audio plans as the planner would emit them. */
final class Plans {
  private Plans() {}

  static ClipAudio silent(int clip, double duration) {
    return new ClipAudio(clip, duration, List.of());
  }

  static ClipAudio clip(int clip, double duration, Source... sources) {
    return new ClipAudio(clip, duration, List.of(sources));
  }

  /** A clip's audio layer, its whole range [from, to) retimed with {@code tempo}. */
  static Source source(int clip, Path path, double from, double to, double tempo, double mixVolume) {
    return new Source("clips[" + clip + "].layers[0]", path, from, to, tempo, mixVolume);
  }

  static Join cut() {
    return new Join(0, "tri", "tri");
  }

  static Join fade(double seconds) {
    return new Join(seconds, "tri", "tri");
  }

  static Track track(Path path, double mixVolume, double start, boolean loop) {
    return new Track("audioTracks[0]", path, mixVolume, 0, OptionalDouble.empty(), start, loop);
  }

  static AudioPlan plan(List<ClipAudio> clips, List<Join> joins) {
    return plan(clips, joins, List.of(), 1, Optional.empty(), Optional.empty());
  }

  static AudioPlan plan(
      List<ClipAudio> clips,
      List<Join> joins,
      List<Track> tracks,
      double clipsAudioVolume,
      Optional<String> outputVolume,
      Optional<Normalization> normalization) {
    double duration = clips.stream().mapToDouble(ClipAudio::duration).sum()
        - joins.stream().mapToDouble(Join::duration).sum();
    return new AudioPlan(clips, joins, tracks, clipsAudioVolume, outputVolume, normalization, duration);
  }

  /** {@code count} clips joined by {@code join}. */
  static AudioPlan chain(List<ClipAudio> clips, Join join) {
    List<Join> joins = new ArrayList<>();
    for (int i = 1; i < clips.size(); i++) {
      joins.add(join);
    }
    return plan(clips, joins);
  }
}
