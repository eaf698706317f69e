package dev.smelter.video.spec;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.TransitionPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the audio chain description (Editly's audio rules). As with Editly 0.14.2 ({@code audio.js
 * editAudio}), the output has no audio stream at all without {@code keepSourceAudio} and without
 * arbitrary tracks, and also when every clip's bed is silence and there is no arbitrary track;
 * {@link #silentTrack} keeps a silent AAC track in those cases instead.
 */
final class AudioPlanner {
  private final EditSpec spec;
  private final AudioPlan.Timing timing;
  private final MediaCatalog media;
  private final Diagnostics diag;
  private final List<String> warnings;
  private boolean silentTrack;

  AudioPlanner(EditSpec spec, AudioPlan.Timing timing, MediaCatalog media, Diagnostics diag, List<String> warnings) {
    this.spec = spec;
    this.timing = timing;
    this.media = media;
    this.diag = diag;
    this.warnings = warnings;
  }

  /** Writes a silent track where Editly would write no audio stream (for players that need one). */
  AudioPlanner silentTrack(boolean keep) {
    silentTrack = keep;
    return this;
  }

  Optional<AudioPlan> plan(List<ClipPlan> clips, List<TransitionPlan> transitions, List<LayerResolver.Resolved> layers) {
    List<AudioPlan.Track> tracks = new ArrayList<>();
    spec.audioFilePath().ifPresent(p -> media.file("audioFilePath", p).ifPresent(path -> {
      media.media("audioFilePath", path);
      tracks.add(new AudioPlan.Track("audioFilePath", path, spec.backgroundAudioVolume().orElse(1), 0, OptionalDouble.empty(), 0, spec.loopAudio()));
    }));
    for (EditSpec.AudioTrackSpec t : spec.audioTracks()) {
      media.file(t.at() + ".path", t.path()).ifPresent(path -> {
        media.media(t.at() + ".path", path);
        tracks.add(new AudioPlan.Track(t.at(), path, t.mixVolume(), t.cutFrom(), t.cutTo(), t.start(), t.loop()));
      });
    }
    for (int i = 0; i < clips.size(); i++) {
      for (LayerResolver.Detached d : layers.get(i).detached()) {
        tracks.add(new AudioPlan.Track(d.at(), d.path(), d.mixVolume(), d.cutFrom(), d.cutTo(), clips.get(i).startTime() + d.start(), false));
      }
    }
    if (!spec.keepSourceAudio() && tracks.isEmpty() && !silentTrack) return Optional.empty();

    List<AudioPlan.ClipAudio> beds = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      List<AudioPlan.Source> sources = new ArrayList<>();
      for (LayerResolver.ClipSound s : layers.get(i).sounds()) source(s).ifPresent(sources::add);
      beds.add(new AudioPlan.ClipAudio(i, clips.get(i).duration(), sources));
    }
    // Editly: "Return no audio if only silent clips and no arbitrary audio".
    if (tracks.isEmpty() && !silentTrack && beds.stream().allMatch(b -> b.sources().isEmpty())) return Optional.empty();
    List<AudioPlan.Join> joins = new ArrayList<>();
    double duration = clips.stream().mapToDouble(ClipPlan::duration).sum();
    for (TransitionPlan t : transitions) {
      AudioPlan.Join j = new AudioPlan.Join(Math.max(0.0001, t.duration()), t.audioOutCurve(), t.audioInCurve());
      joins.add(j);
      duration -= j.duration();
    }
    Optional<AudioPlan.Normalization> norm = spec.audioNorm().enable()
        ? Optional.of(new AudioPlan.Normalization(spec.audioNorm().gaussSize(), spec.audioNorm().maxGain()))
        : Optional.empty();
    return Optional.of(new AudioPlan(beds, joins, tracks, spec.clipsAudioVolume(), spec.outputVolume(), norm, duration));
  }

  /** Editly retimes clip sound to the clip with atempo; outside 0.5–100× the clip goes silent. */
  private Optional<AudioPlan.Source> source(LayerResolver.ClipSound s) {
    Path path = s.path();
    if (timing == AudioPlan.Timing.PAD && !s.fromVideo()) {
      return Optional.of(new AudioPlan.Source(s.at(), path, s.cutFrom(), s.cutTo(), 1, s.mixVolume()));
    }
    double speed = s.speed();
    double tempo = Math.abs(speed - 1) > 0.01 ? 1 / speed : 1;
    if (tempo < 0.5 || tempo > 100) {
      warnings.add(s.at() + ": audio speed " + String.format("%.3f", tempo) + "× is outside 0.5–100×, so Editly plays silence for this clip"
          + " (audio timing 'pad' keeps it at normal speed: the CLI's --audio-timing pad, a job's \"audioTiming\": \"pad\","
          + " or the service setting smelter.audio-timing=pad)");
      return Optional.empty();
    }
    return Optional.of(new AudioPlan.Source(s.at(), path, s.cutFrom(), s.cutTo(), tempo, s.mixVolume()));
  }
}
