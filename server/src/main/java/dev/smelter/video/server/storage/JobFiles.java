package dev.smelter.video.server.storage;

import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * How a job's files travel between the API node that accepted it and the worker that renders it.
 * On one box, or with workers sharing the API's {@code --data-dir}, nothing moves
 * ({@link SharedFolderJobFiles}); with an object store, the API stages the spec's inputs in the
 * store at submit time, the worker fetches them into its local cache, and uploads the output.
 */
public interface JobFiles {
  /**
   * API side, before the job is queued: makes every local input of the (already validated,
   * path-resolved) spec reachable by any worker, and returns the spec as workers will receive it.
   */
  JsonNode stageInputs(String jobId, JsonNode spec) throws IOException;

  /**
   * Worker side, before rendering: returns the spec with every input available as a local file
   * (in {@code jobDir} or a cache shared between jobs).
   */
  JsonNode fetchInputs(String jobId, JsonNode spec, Path jobDir) throws IOException;

  /**
   * Worker side, after a successful render: makes {@code rendered} available to every API node
   * under {@code outputFilename} (what {@code GET /download/{name}} serves). May move the file.
   */
  void publishOutput(String outputFilename, Path rendered) throws IOException;

  /** Removes what was staged for a job that has ended (inputs in the store, local copies). */
  void discard(String jobId) throws IOException;
}
