package dev.smelter.video.spec;

import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An Editly 0.14.2 spec, typed. Absent options stay empty (Editly distinguishes absent from
 * {@code null} in a few places, modelled explicitly); defaults are applied by the planner.
 *
 * <p>Layers keep their merged key/values ({@code {...defaults.layer, ...defaults.layerType[type],
 * ...layer}}, Editly's shallow merge) and are typed per layer type by the planner's
 * {@code LayerResolver}, because Editly's merge happens on untyped objects.
 */
public record EditSpec(
    Optional<String> outPath,
    List<ClipSpec> clips,
    OptionalDouble width,
    OptionalDouble height,
    OptionalDouble fps,
    Defaults defaults,
    Optional<String> audioFilePath,
    OptionalDouble backgroundAudioVolume,
    boolean loopAudio,
    boolean keepSourceAudio,
    double clipsAudioVolume,
    List<AudioTrackSpec> audioTracks,
    AudioNormSpec audioNorm,
    Optional<String> outputVolume,
    Optional<List<String>> customOutputArgs,
    boolean allowRemoteRequests,
    boolean fast) {

  public EditSpec {
    clips = List.copyOf(clips);
    audioTracks = List.copyOf(audioTracks);
  }

  /**
   * @param transition empty when {@code defaults.transition} is {@code null} (transitions off);
   *     otherwise Editly's default {@code {name: random, duration: 0.5, tri, tri}} merged with the
   *     user's object
   */
  public record Defaults(
      OptionalDouble duration, Optional<TransitionSpec> transition, JObject layer, Map<String, JObject> layerType) {}

  public record ClipSpec(String at, List<LayerSpec> layers, OptionalDouble duration, ClipTransition transition) {
    public ClipSpec {
      layers = List.copyOf(layers);
    }
  }

  /** A clip's own {@code transition}: absent (use defaults), {@code null} (hard cut), or given. */
  public sealed interface ClipTransition {
    record Inherit() implements ClipTransition {}

    record HardCut() implements ClipTransition {}

    record Given(TransitionSpec spec) implements ClipTransition {}
  }

  /**
   * @param easing absent, {@code JNull} (linear) or a string
   */
  public record TransitionSpec(
      String at,
      Optional<String> name,
      OptionalDouble duration,
      Optional<JObject> params,
      Optional<JsonValue> easing,
      Optional<String> audioOutCurve,
      Optional<String> audioInCurve) {}

  /**
   * @param own the layer object as written (for unknown-key warnings)
   * @param props the merged key/values the layer is rendered from
   */
  public record LayerSpec(String at, String type, JObject own, JObject props) {}

  public record AudioTrackSpec(String at, String path, double mixVolume, double cutFrom, OptionalDouble cutTo, double start, boolean loop) {}

  public record AudioNormSpec(boolean enable, double gaussSize, double maxGain) {
    public static final AudioNormSpec OFF = new AudioNormSpec(false, 5, 30);
  }
}
