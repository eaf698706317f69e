package dev.smelter.video.server.fleet;

import dev.smelter.video.render.Capabilities;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What a job needs from the worker that renders it, as a requirement class: empty (any worker), or
 * capabilities joined by {@code +}: {@code gl} (its {@code gl} or {@code rainbow-colors} layers need
 * a usable EGL) and the name of an H.264 encoder its {@code customOutputArgs} ask for
 * ({@code h264_nvenc}; libx264 is everywhere). Each class has its own stream per priority, read only by
 * nodes that have every capability of it (docs/fleet.md, "Routing").
 */
public final class JobRequirements {
  /** A node's capability: EGL works here (shader layers can render). */
  public static final String GL = "gl";

  private static final Set<String> SHADER_LAYERS = Set.of("gl", "rainbow-colors");
  private static final Set<String> VIDEO_CODEC_OPTIONS = Set.of("-c:v", "-vcodec", "-codec:v");

  private JobRequirements() {}

  /** The requirement class of a spec (as queued: the API node has validated it). */
  public static String of(JsonNode spec) {
    Set<String> needs = new TreeSet<>();
    for (JsonNode clip : spec.path("clips")) {
      JsonNode layers = clip.path("layers");
      // Editly reads a single layer object as a one-layer array.
      for (JsonNode layer : layers.isObject() ? List.of(layers) : layers) {
        if (SHADER_LAYERS.contains(layer.path("type").asString(""))) needs.add(GL);
      }
    }
    JsonNode args = spec.path("customOutputArgs");
    for (int i = 0; i + 1 < args.size(); i++) {
      if (VIDEO_CODEC_OPTIONS.contains(args.get(i).asString(""))) {
        // Known encoders only: an unknown name fails on any worker, as before routing (no stream waits for it).
        Capabilities.h264Encoder(args.get(i + 1).asString("")).filter(e -> !e.equals("libx264"))
            .ifPresent(needs::add);
      }
    }
    return String.join("+", needs);
  }

  /** Whether a node with these capabilities can render jobs of that class. */
  public static boolean canServe(String requirementClass, Collection<String> capabilities) {
    return requirementClass.isEmpty() || capabilities.containsAll(Arrays.asList(requirementClass.split("\\+")));
  }
}
