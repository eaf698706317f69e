package dev.smelter.video.server.intake;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One string in a spec that names a file Editly would read, with its JSON path. */
public record MediaField(ObjectNode owner, String key, String path, String value) {
  private static final List<String> LAYER_KEYS = List.of("path", "fontPath", "fragmentPath", "vertexPath");

  public void set(String newValue) {
    owner.put(key, newValue);
  }

  /** Every media path of an Editly spec: layers, audio tracks, background audio, fonts in defaults. */
  public static List<MediaField> all(ObjectNode spec) {
    List<MediaField> out = new ArrayList<>();
    add(out, spec, "audioFilePath", "");
    if (spec.get("audioTracks") instanceof ArrayNode tracks) {
      for (int i = 0; i < tracks.size(); i++) {
        if (tracks.get(i) instanceof ObjectNode t) add(out, t, "path", "audioTracks[" + i + "].");
      }
    }
    if (spec.get("clips") instanceof ArrayNode clips) {
      for (int i = 0; i < clips.size(); i++) {
        if (!(clips.get(i) instanceof ObjectNode clip)) continue;
        JsonNode layers = clip.get("layers");
        if (layers instanceof ObjectNode single) layers(out, single, "clips[" + i + "].layers[0].");
        if (layers instanceof ArrayNode arr) {
          for (int j = 0; j < arr.size(); j++) {
            if (arr.get(j) instanceof ObjectNode layer) layers(out, layer, "clips[" + i + "].layers[" + j + "].");
          }
        }
      }
    }
    if (spec.get("defaults") instanceof ObjectNode defaults) {
      if (defaults.get("layer") instanceof ObjectNode l) layers(out, l, "defaults.layer.");
      if (defaults.get("layerType") instanceof ObjectNode types) {
        types.properties().forEach(e -> {
          if (e.getValue() instanceof ObjectNode t) layers(out, t, "defaults.layerType." + e.getKey() + ".");
        });
      }
    }
    return out;
  }

  private static void layers(List<MediaField> out, ObjectNode layer, String prefix) {
    for (String k : LAYER_KEYS) add(out, layer, k, prefix);
  }

  private static void add(List<MediaField> out, ObjectNode owner, String key, String prefix) {
    JsonNode v = owner.get(key);
    if (v != null && v.isString() && !v.asString().isEmpty()) out.add(new MediaField(owner, key, prefix + key, v.asString()));
  }
}
