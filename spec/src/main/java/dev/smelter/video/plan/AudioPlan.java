package dev.smelter.video.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Editly's audio chain as data (0.14.2 {@code audio.js}):
 *
 * <ol>
 *   <li>each clip gets a bed of exactly its duration: silence, one source, or several sources
 *       mixed with {@code amix=duration=longest:weights=…} (a single source ignores its mixVolume);
 *   <li>the beds are joined with a chain of {@code acrossfade=d=max(0.0001,t):c1:c2};
 *   <li>when arbitrary tracks exist, {@code [bed, tracks…]} go through
 *       {@code amix=duration=first:dropout_transition=0:weights=clipsAudioVolume,…} (whose
 *       normalisation makes music ≈6 dB quieter), then optional {@code dynaudnorm} and
 *       {@code volume}.
 * </ol>
 *
 * @param duration expected length {@code Σdᵢ − Σtᵢ} seconds (not frame-rounded)
 */
public record AudioPlan(
    List<ClipAudio> clips,
    List<Join> joins,
    List<Track> tracks,
    double clipsAudioVolume,
    Optional<String> outputVolume,
    Optional<Normalization> normalization,
    double duration) {

  public AudioPlan {
    clips = List.copyOf(clips);
    joins = List.copyOf(joins);
    tracks = List.copyOf(tracks);
  }

  /** How clip audio that is shorter or longer than its clip is fitted. */
  public enum Timing {
    /** Editly: retime with atempo to the clip length; outside 0.5–100× the source is dropped. */
    STRETCH,
    /** Keep normal speed; pad with silence (or cut) to the clip length. */
    PAD
  }

  /** The bed of one clip, always exactly {@code duration} seconds long. */
  public record ClipAudio(int clip, double duration, List<Source> sources) {
    public ClipAudio {
      sources = List.copyOf(sources);
    }
  }

  /**
   * One audio/video layer's sound: source range [cutFrom, cutTo) played at {@code tempo}
   * (atempo factor, 1 = unchanged), weighted by {@code mixVolume} when mixed with others.
   */
  public record Source(String at, Path path, double cutFrom, double cutTo, double tempo, double mixVolume) {}

  /** The crossfade between clip {@code i} and {@code i+1}. */
  public record Join(double duration, String outCurve, String inCurve) {}

  /**
   * An arbitrary track over the whole timeline: {@code audioFilePath}, {@code audioTracks[]},
   * {@code detached-audio}. {@code start} is on the output timeline.
   */
  public record Track(String at, Path path, double mixVolume, double cutFrom, OptionalDouble cutTo, double start, boolean loop) {}

  public record Normalization(double gaussSize, double maxGain) {}
}
