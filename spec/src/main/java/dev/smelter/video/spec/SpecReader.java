package dev.smelter.video.spec;

import dev.smelter.video.spec.EditSpec.AudioNormSpec;
import dev.smelter.video.spec.EditSpec.AudioTrackSpec;
import dev.smelter.video.spec.EditSpec.ClipSpec;
import dev.smelter.video.spec.EditSpec.ClipTransition;
import dev.smelter.video.spec.EditSpec.Defaults;
import dev.smelter.video.spec.EditSpec.LayerSpec;
import dev.smelter.video.spec.EditSpec.TransitionSpec;
import dev.smelter.video.spec.json.Json5Parser;
import dev.smelter.video.spec.json.Json5SyntaxException;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JNull;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** JSON/JSON5 text → {@link EditSpec}, reporting every structural problem with its JSON path. */
public final class SpecReader {
  private final Diagnostics diag;

  public SpecReader(Diagnostics diag) {
    this.diag = diag;
  }

  /** Parses JSON5 text; a syntax error is reported as a problem at the root path. */
  public static JsonValue parse(String text) throws SpecException {
    try {
      return Json5Parser.parse(text);
    } catch (Json5SyntaxException e) {
      throw new SpecException("", e.getMessage());
    }
  }

  public EditSpec read(JsonValue root) {
    if (!(root instanceof JObject obj)) {
      diag.error("", "the spec must be a JSON object, got " + JsonValue.describe(root));
      return null;
    }
    Fields f = new Fields(obj, "", diag);
    Defaults defaults = defaults(f);
    List<ClipSpec> clips = clips(f, defaults);
    EditSpec spec = new EditSpec(
        f.string("outPath"),
        clips,
        positive(f, "width"),
        positive(f, "height"),
        positive(f, "fps"),
        defaults,
        f.string("audioFilePath"),
        f.numberOrNumericString("backgroundAudioVolume"),
        f.bool("loopAudio", false),
        f.bool("keepSourceAudio", false),
        f.numberOrNumericString("clipsAudioVolume").orElse(1),
        audioTracks(f),
        audioNorm(f),
        volume(f, "outputVolume"),
        customOutputArgs(f),
        f.bool("allowRemoteRequests", false),
        f.bool("fast", false));
    // Options that only steer Editly's own logging/temp files: accepted, no effect here.
    f.accept("verbose", "enableFfmpegLog", "logTimes", "keepTmp", "ffmpegPath", "ffprobePath");
    f.warnUnknown();
    return spec;
  }

  private OptionalDouble positive(Fields f, String key) {
    OptionalDouble d = f.number(key);
    if (d.isPresent() && d.getAsDouble() <= 0) {
      diag.error(f.pathOf(key), "must be greater than 0 (got " + Fields.fmt(d.getAsDouble()) + ")");
      return OptionalDouble.empty();
    }
    return d;
  }

  private Defaults defaults(Fields root) {
    JObject obj = root.object("defaults").orElse(JObject.EMPTY);
    Fields f = new Fields(obj, root.pathOf("defaults"), diag);
    OptionalDouble duration = f.nonNegative("duration");
    Optional<TransitionSpec> transition;
    JObject base = new JObject(Map.of(
        "name", new JString("random"),
        "duration", new JsonValue.JNumber(0.5),
        "audioOutCurve", new JString("tri"),
        "audioInCurve", new JString("tri")));
    if (f.isNull("transition")) {
      transition = Optional.empty();
    } else {
      JObject user = f.object("transition").orElse(JObject.EMPTY);
      transition = Optional.of(transition(base.mergedWith(user), user, f.pathOf("transition")));
    }
    JObject layer = f.object("layer").orElse(JObject.EMPTY);
    Map<String, JObject> layerType = new LinkedHashMap<>();
    f.object("layerType").ifPresent(lt -> lt.members().forEach((type, v) -> {
      if (v instanceof JObject o) layerType.put(type, o);
      else diag.error(f.pathOf("layerType") + "." + type, "expected an object but got " + JsonValue.describe(v));
    }));
    f.warnUnknown();
    return new Defaults(duration, transition, layer, layerType);
  }

  private TransitionSpec transition(JObject merged, JObject own, String path) {
    Fields f = new Fields(merged, path, diag);
    Optional<String> name = f.string("name");
    OptionalDouble duration = f.nonNegative("duration");
    Optional<JObject> params = f.object("params");
    Optional<JsonValue> easing = Optional.ofNullable(merged.get("easing"));
    f.accept("easing");
    if (easing.isPresent() && !(easing.get() instanceof JString) && !(easing.get() instanceof JNull)) {
      diag.error(f.pathOf("easing"), "expected an easing name or null but got " + JsonValue.describe(easing.get()));
      easing = Optional.empty();
    }
    TransitionSpec spec = new TransitionSpec(path, name, duration, params, easing, f.string("audioOutCurve"), f.string("audioInCurve"));
    for (String key : own.members().keySet()) {
      if (!List.of("name", "duration", "params", "easing", "audioOutCurve", "audioInCurve").contains(key)) {
        diag.warn(path + "." + key, "unknown key (ignored)");
      }
    }
    return spec;
  }

  private List<ClipSpec> clips(Fields root, Defaults defaults) {
    List<ClipSpec> out = new ArrayList<>();
    if (!root.has("clips") || root.isNull("clips")) {
      diag.error("clips", "required: a list of one or more clips");
      return out;
    }
    Optional<JArray> arr = root.array("clips");
    if (arr.isEmpty()) return out;
    if (arr.get().items().isEmpty()) diag.error("clips", "must contain one or more clips");
    for (int i = 0; i < arr.get().items().size(); i++) {
      String path = "clips[" + i + "]";
      if (!(arr.get().items().get(i) instanceof JObject clip)) {
        diag.error(path, "expected an object but got " + JsonValue.describe(arr.get().items().get(i)));
        continue;
      }
      out.add(clip(new Fields(clip, path, diag), defaults));
    }
    return out;
  }

  private ClipSpec clip(Fields f, Defaults defaults) {
    List<LayerSpec> layers = new ArrayList<>();
    List<JsonValue> raw = f.raw("layers")
        .map(v -> v instanceof JArray a ? a.items() : List.of(v)) // a single object is wrapped, as Editly does
        .orElse(List.of());
    if (raw.isEmpty()) diag.error(f.pathOf("layers"), "\"clip.layers\" must contain one or more objects");
    for (int j = 0; j < raw.size(); j++) {
      String path = f.pathOf("layers") + "[" + j + "]";
      if (!(raw.get(j) instanceof JObject layer)) {
        diag.error(path, "\"clip.layers\" must contain one or more objects (got " + JsonValue.describe(raw.get(j)) + ")");
        continue;
      }
      if (!(layer.get("type") instanceof JString type)) {
        diag.error(path + ".type", "All \"layers\" must have a type");
        continue;
      }
      JObject merged = defaults.layer()
          .mergedWith(defaults.layerType().getOrDefault(type.value(), JObject.EMPTY))
          .mergedWith(layer);
      layers.add(new LayerSpec(path, type.value(), layer, merged));
    }
    OptionalDouble duration = f.nonNegative("duration");
    ClipTransition transition;
    if (!f.has("transition")) {
      transition = new ClipTransition.Inherit();
    } else if (f.isNull("transition")) {
      transition = new ClipTransition.HardCut();
    } else if (f.object().get("transition") instanceof JObject own) {
      JObject base = defaults.transition().map(SpecReader::asObject).orElse(JObject.EMPTY);
      transition = new ClipTransition.Given(transition(mergeTransition(base, own), own, f.pathOf("transition")));
    } else {
      diag.error(f.pathOf("transition"), "Transition must be an object");
      transition = new ClipTransition.Inherit();
    }
    f.warnUnknown();
    return new ClipSpec(f.path(), layers, duration, transition);
  }

  /**
   * Editly falls back key by key: {@code name} with {@code ||}, {@code duration} with
   * {@code != null}, {@code easing} with {@code !== undefined}, the rest when absent.
   */
  private static JObject mergeTransition(JObject base, JObject own) {
    Map<String, JsonValue> m = new LinkedHashMap<>(base.members());
    own.members().forEach((k, v) -> {
      boolean falsyName = k.equals("name") && (v instanceof JNull || v instanceof JString s && s.value().isEmpty());
      boolean nullDuration = k.equals("duration") && v instanceof JNull;
      if (!falsyName && !nullDuration) m.put(k, v);
    });
    return new JObject(m);
  }

  private static JObject asObject(TransitionSpec t) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    t.name().ifPresent(n -> m.put("name", new JString(n)));
    t.duration().ifPresent(d -> m.put("duration", new JsonValue.JNumber(d)));
    t.params().ifPresent(p -> m.put("params", p));
    t.easing().ifPresent(e -> m.put("easing", e));
    t.audioOutCurve().ifPresent(c -> m.put("audioOutCurve", new JString(c)));
    t.audioInCurve().ifPresent(c -> m.put("audioInCurve", new JString(c)));
    return new JObject(m);
  }

  private List<AudioTrackSpec> audioTracks(Fields root) {
    List<AudioTrackSpec> out = new ArrayList<>();
    Optional<JArray> arr = root.array("audioTracks");
    if (arr.isEmpty()) return out;
    for (int i = 0; i < arr.get().items().size(); i++) {
      String path = "audioTracks[" + i + "]";
      if (!(arr.get().items().get(i) instanceof JObject o)) {
        diag.error(path, "expected an object but got " + JsonValue.describe(arr.get().items().get(i)));
        continue;
      }
      Fields f = new Fields(o, path, diag);
      Optional<String> p = f.string("path");
      if (p.isEmpty()) diag.error(f.pathOf("path"), "required");
      double mix = f.numberOrNumericString("mixVolume").orElse(1);
      double cutFrom = f.nonNegative("cutFrom").orElse(0);
      OptionalDouble cutTo = f.nonNegative("cutTo");
      if (cutTo.isPresent() && cutTo.getAsDouble() <= cutFrom) {
        diag.error(f.pathOf("cutTo"), "must be greater than cutFrom (" + Fields.fmt(cutFrom) + ")");
      }
      OptionalDouble start = f.number("start");
      if (start.isPresent() && start.getAsDouble() < 0) {
        diag.error(f.pathOf("start"), "Invalid \"start\" " + Fields.fmt(start.getAsDouble()));
      }
      boolean loop = f.bool("loop", false);
      f.warnUnknown();
      p.ifPresent(path2 -> out.add(new AudioTrackSpec(path, path2, mix, cutFrom, cutTo, Math.max(0, start.orElse(0)), loop)));
    }
    return out;
  }

  /**
   * Editly reads {@code audioNorm && audioNorm.enable}: any falsy value ({@code false}, {@code null},
   * {@code 0}, {@code ""}) is off, and so is {@code true}, which has no {@code enable} member.
   */
  private AudioNormSpec audioNorm(Fields root) {
    Optional<JsonValue> raw = root.raw("audioNorm");
    if (raw.isEmpty()) return AudioNormSpec.OFF;
    if (!(raw.get() instanceof JObject o)) {
      if (Fields.truthy(raw.get())) {
        diag.warn(root.pathOf("audioNorm"), "Editly reads only audioNorm.enable, so " + Fields.describe(raw.get())
            + " leaves normalisation off; use {\"enable\": true} to turn it on");
      }
      return AudioNormSpec.OFF;
    }
    Fields f = new Fields(o, root.pathOf("audioNorm"), diag);
    AudioNormSpec spec = new AudioNormSpec(
        f.bool("enable", false), f.nonNegative("gaussSize").orElse(5), f.nonNegative("maxGain").orElse(30));
    f.warnUnknown();
    return spec;
  }

  /** {@code 0.5} or {@code "-10dB"}: passed to ffmpeg's volume filter, so validate its syntax here. */
  private Optional<String> volume(Fields f, String key) {
    Optional<JsonValue> v = f.raw(key);
    if (v.isEmpty()) return Optional.empty();
    String s = switch (v.get()) {
      case JsonValue.JNumber n -> Fields.fmt(n.value());
      case JString str -> str.value().trim();
      default -> null;
    };
    if (s == null || !s.matches("(?i)[+-]?\\d+(\\.\\d+)?(db)?")) {
      diag.error(f.pathOf(key), "expected a volume such as 0.5 or \"-10dB\" but got " + Fields.describe(v.get()));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private Optional<List<String>> customOutputArgs(Fields f) {
    Optional<JArray> arr = f.array("customOutputArgs");
    if (arr.isEmpty()) return Optional.empty();
    List<String> args = new ArrayList<>();
    for (int i = 0; i < arr.get().items().size(); i++) {
      JsonValue v = arr.get().items().get(i);
      switch (v) {
        case JString s -> args.add(s.value());
        case JsonValue.JNumber n -> args.add(Fields.fmt(n.value()));
        default -> diag.error("customOutputArgs[" + i + "]", "expected a string but got " + JsonValue.describe(v));
      }
    }
    return Optional.of(args);
  }
}
