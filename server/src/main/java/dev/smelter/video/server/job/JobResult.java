package dev.smelter.video.server.job;

import java.util.List;

/**
 * What a completed job produced. {@code renderTime} is in seconds; {@code warnings} are the render's
 * (records written before they existed read as none).
 */
public record JobResult(
    String outputFilename, String downloadUrl, double duration, long size, int frames, String encoder, double renderTime,
    List<String> warnings) {
  public JobResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
