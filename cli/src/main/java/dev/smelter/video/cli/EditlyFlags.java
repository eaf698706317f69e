package dev.smelter.video.cli;

import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Editly's CLI flags, applied on top of the parsed spec exactly as Editly's {@code cli.js} does:
 * {@code --transition-name/--transition-duration} replace {@code defaults.transition} with a new
 * object (a duration of 0 is ignored), {@code --font-path} replaces {@code defaults.layer}.
 */
final class EditlyFlags {
  @Option(names = "--width", description = "Output width (Editly --width).") Integer width;
  @Option(names = "--height", description = "Output height (Editly --height; needs --width).") Integer height;
  @Option(names = "--fps", description = "Output frame rate.") Double fps;
  @Option(names = {"--fast", "-f"}, description = "Preview: ~250 px, 15 fps, ultrafast.") boolean fast;
  @Option(names = "--audio-file-path", description = "Background audio for the whole video.") String audioFilePath;
  @Option(names = "--loop-audio", description = "Loop the background audio.") boolean loopAudio;
  @Option(names = "--keep-source-audio", description = "Keep the sound of video and audio layers.") boolean keepSourceAudio;
  @Option(names = "--output-volume", description = "Final volume, e.g. 0.5 or -10dB.") String outputVolume;
  @Option(names = "--allow-remote-requests", description = "Allow http(s) paths.") boolean allowRemoteRequests;
  @Option(names = "--clip-duration", description = "Default clip duration (defaults.duration).") Double clipDuration;
  @Option(names = "--transition-name", description = "Replace defaults.transition with this name.") String transitionName;
  @Option(names = "--transition-duration", description = "Replace defaults.transition with this duration.") Double transitionDuration;
  @Option(names = "--font-path", description = "Replace defaults.layer with {fontPath}.") String fontPath;

  JsonValue applyTo(JsonValue spec, Optional<String> outPath) {
    if (!(spec instanceof JObject root)) return spec;
    Map<String, JsonValue> m = new LinkedHashMap<>(root.members());
    outPath.ifPresent(o -> m.put("outPath", new JString(o)));
    if (width != null) m.put("width", new JNumber(width));
    if (height != null) m.put("height", new JNumber(height));
    if (fps != null) m.put("fps", new JNumber(fps));
    if (fast) m.put("fast", new JBool(true));
    if (audioFilePath != null) m.put("audioFilePath", new JString(audioFilePath));
    if (loopAudio) m.put("loopAudio", new JBool(true));
    if (keepSourceAudio) m.put("keepSourceAudio", new JBool(true));
    if (outputVolume != null) m.put("outputVolume", new JString(outputVolume));
    if (allowRemoteRequests) m.put("allowRemoteRequests", new JBool(true));
    Map<String, JsonValue> defaults = new LinkedHashMap<>(
        m.get("defaults") instanceof JObject d ? d.members() : Map.of());
    if (clipDuration != null) defaults.put("duration", new JNumber(clipDuration));
    if (transitionName != null || transitionDuration != null) {
      Map<String, JsonValue> t = new LinkedHashMap<>();
      if (transitionName != null) t.put("name", new JString(transitionName));
      if (transitionDuration != null && transitionDuration != 0) t.put("duration", new JNumber(transitionDuration));
      defaults.put("transition", new JObject(t));
    }
    if (fontPath != null) defaults.put("layer", new JObject(Map.of("fontPath", new JString(fontPath))));
    if (!defaults.isEmpty() || m.containsKey("defaults")) m.put("defaults", new JObject(defaults));
    return new JObject(m);
  }
}
