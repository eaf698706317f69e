package dev.smelter.video.server.worker;

import dev.smelter.video.render.RenderProgress;
import dev.smelter.video.render.RenderResult;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Worker → server lines on the worker's stdout: {@code @progress DONE TOTAL FPS ETA},
 * {@code @result JSON}, {@code @problems JSON}, {@code @error MESSAGE}. Other lines are ignored, so a
 * library printing to stdout cannot confuse the server.
 */
public final class WorkerProtocol {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private WorkerProtocol() {}

  /** One decoded line. */
  public sealed interface Message {}

  public record ProgressLine(int framesDone, int totalFrames, double fps, double eta) implements Message {}

  /** {@code warnings}: the plan's (e.g. narration that Editly's retiming would silence), for the job's result. */
  public record ResultLine(int frames, double duration, long sizeBytes, String encoder, long wallMillis, List<String> warnings)
      implements Message {
    public ResultLine {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
  }

  public record ProblemsLine(List<Problem> problems) implements Message {}

  public record ErrorLine(String message) implements Message {}

  static String progress(RenderProgress p) {
    return String.format(Locale.ROOT, "@progress %d %d %.3f %.3f", p.framesDone(), p.totalFrames(), p.framesPerSecond(), p.etaSeconds());
  }

  /** The render's result in its one JSON form, the CLI's {@code --json} fields ({@link RenderResult#jsonFields()}). */
  static String result(RenderResult r) {
    return "@result " + JsonValue.toJson(new JsonValue.JObject(r.jsonFields()));
  }

  static String problems(List<Problem> problems) {
    ArrayNode a = JSON.createArrayNode();
    problems.forEach(p -> a.addObject().put("path", p.path()).put("message", p.message()));
    return "@problems " + JSON.writeValueAsString(a);
  }

  static String error(String message) {
    return "@error " + message.replace('\n', ' ');
  }

  public static Optional<Message> parse(String line) {
    try {
      if (line.startsWith("@progress ")) {
        String[] f = line.substring(10).trim().split(" ");
        return Optional.of(new ProgressLine(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
      }
      if (line.startsWith("@result ")) {
        JsonNode o = JSON.readTree(line.substring(8));
        List<String> warnings = new java.util.ArrayList<>();
        if (o.get("warnings") instanceof ArrayNode w) w.forEach(x -> warnings.add(x.asString()));
        return Optional.of(new ResultLine(o.get("frames").asInt(), o.get("duration").asDouble(), o.get("sizeBytes").asLong(),
            o.get("encoder").asString(), o.get("wallMillis").asLong(), warnings));
      }
      if (line.startsWith("@problems ")) {
        JsonNode a = JSON.readTree(line.substring(10));
        List<Problem> list = new java.util.ArrayList<>();
        a.forEach(p -> list.add(new Problem(p.get("path").asString(), p.get("message").asString())));
        return Optional.of(new ProblemsLine(list));
      }
      if (line.startsWith("@error ")) return Optional.of(new ErrorLine(line.substring(7)));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
