package dev.smelter.video.server.intake;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The videoeditor "simple" body: {@code {width, height, fps, audioFilePath|audioPath?,
 * clips: [{imagePath|path, duration}]}} — one picture or video per clip, no transitions — turned into
 * the equivalent Editly spec: pictures contained with black bars and still, as videoeditor's ffmpeg
 * concat showed them, and only the {@code audioFilePath} sound (clips' own sound off).
 */
final class SimpleFormat {
  private SimpleFormat() {}

  static boolean isSimple(ObjectNode spec) {
    if (!(spec.get("clips") instanceof ArrayNode clips) || clips.isEmpty()) return false;
    for (JsonNode c : clips) {
      if (!(c instanceof ObjectNode o) || o.has("layers") || !(o.has("imagePath") || o.has("path"))) return false;
    }
    return true;
  }

  static ObjectNode toEditly(ObjectNode simple, JsonNode body) {
    ObjectNode spec = simple.deepCopy();
    ArrayNode clips = spec.arrayNode();
    for (JsonNode c : simple.get("clips")) {
      ObjectNode clip = clips.addObject();
      if (c.has("duration")) clip.set("duration", c.get("duration"));
      JsonNode path = c.has("imagePath") ? c.get("imagePath") : c.get("path");
      // A path that is not a string stays as it is: the planner names it ("expected a string") at its layer.
      boolean video = path.isString() && isVideo(path.asString());
      ObjectNode layer = clip.putArray("layers").addObject().put("type", video ? "video" : "image");
      layer.set("path", path);
      layer.put("resizeMode", "contain");
      // videoeditor showed simple-form pictures still (ffmpeg concat, scale+pad): no Editly Ken Burns.
      if (!video) layer.putNull("zoomDirection");
    }
    spec.set("clips", clips);
    JsonNode audio = body.has("audioFilePath") ? body.get("audioFilePath") : body.get("audioPath");
    if (audio != null && audio.isString()) spec.put("audioFilePath", audio.asString());
    spec.remove("audioPath");
    // videoeditor never kept a clip's own sound in this form (audioFilePath replaced it, and without one
    // the video was muxed with -an); the legacy default keepSourceAudio=true would mix it back in.
    if (!spec.has("keepSourceAudio")) spec.put("keepSourceAudio", false);
    // A defaults of another type stays as it is, for the planner to refuse at its path (it was replaced silently).
    JsonNode given = spec.get("defaults");
    if (given == null || given.isNull()) given = spec.putObject("defaults");
    if (given instanceof ObjectNode defaults && !defaults.has("transition")) defaults.putNull("transition");
    return spec;
  }

  private static boolean isVideo(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.matches(".*\\.(mp4|mov|m4v|mkv|webm|avi)(\\?.*)?$");
  }
}
