package dev.smelter.video.server.job;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A validated request to render: what the queue needs to create a {@link Job}. */
public record JobRequest(
    JsonNode spec,
    String outputFilename,
    Optional<Callback> callback,
    Optional<String> progressUrl,
    Optional<JsonNode> metadata,
    int priority,
    Optional<String> idempotencyKey) {
  public JobRequest withSpec(JsonNode newSpec) {
    return new JobRequest(newSpec, outputFilename, callback, progressUrl, metadata, priority, idempotencyKey);
  }
}
