package dev.smelter.video.cli;

import dev.smelter.video.render.Capabilities;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNull;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smelter-video probe}: what this machine offers for rendering. */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Show the GL/GPU and H.264 encoders this machine offers.")
final class ProbeCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Capabilities here = Capabilities.probe();
    Optional<String> gl = here.glRenderer();
    boolean gpu = here.gpu();
    var encoders = here.encoders();
    if (json) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("gl", gl.<JsonValue>map(JString::new).orElse(JNull.INSTANCE));
      m.put("gpu", new JBool(gpu));
      List<JsonValue> list = new ArrayList<>();
      for (var e : encoders) {
        list.add(new JObject(Map.of("name", new JString(e.name()), "available", new JBool(e.available()), "reason", new JString(e.reason()))));
      }
      m.put("encoders", new JArray(list));
      System.out.println(JsonValue.toJson(new JObject(m)));
    } else {
      System.out.println("GL:       " + gl.map(r -> r + (gpu ? " (GPU)" : " (software)")).orElse("none (no EGL context)"));
      System.out.println("--gpu auto composes on: " + (gpu ? "the GPU (Skia GL)" : "the CPU (Skia raster)"));
      System.out.println("H.264 encoders:");
      for (var e : encoders) System.out.printf("  %-12s %s%n", e.name(), e.available() ? "available" : "unavailable: " + e.reason());
    }
    return 0;
  }
}
