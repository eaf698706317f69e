package dev.smelter.video.render;

import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finished render produced (the CLI's {@code --json} and the job API report this).
 * {@link #jsonFields()} is its one JSON form, camelCase like the API, for the CLI's {@code --json}
 * document and the render child's {@code @result} line.
 *
 * @param duration seconds of video ({@code frames / fps})
 * @param audioDuration seconds of audio, or 0 when the output has no audio stream
 */
public record RenderResult(
    Path output,
    int frames,
    double duration,
    double audioDuration,
    long sizeBytes,
    int width,
    int height,
    String fps,
    String encoder,
    String gpu,
    long seed,
    long wallMillis,
    List<String> warnings) {
  /** The result as JSON members, in a fixed order (docs/cli.md, "--json"). */
  public Map<String, JsonValue> jsonFields() {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("output", new JString(output.toString()));
    m.put("frames", new JNumber(frames));
    m.put("duration", new JNumber(duration));
    m.put("audioDuration", new JNumber(audioDuration));
    m.put("sizeBytes", new JNumber(sizeBytes));
    m.put("width", new JNumber(width));
    m.put("height", new JNumber(height));
    m.put("fps", new JString(fps));
    m.put("encoder", new JString(encoder));
    m.put("gpu", new JString(gpu));
    m.put("seed", new JNumber(seed));
    m.put("wallMillis", new JNumber(wallMillis));
    m.put("warnings", new JArray(warnings.stream().<JsonValue>map(JString::new).toList()));
    return m;
  }
}
