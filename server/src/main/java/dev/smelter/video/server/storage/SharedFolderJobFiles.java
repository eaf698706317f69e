package dev.smelter.video.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Every node sees the same folders: inputs stay where they are, outputs move into the outputs folder. */
public final class SharedFolderJobFiles implements JobFiles {
  private final Storage storage;

  public SharedFolderJobFiles(Storage storage) {
    this.storage = storage;
  }

  @Override
  public JsonNode stageInputs(String jobId, JsonNode spec) {
    return spec;
  }

  @Override
  public JsonNode fetchInputs(String jobId, JsonNode spec, Path jobDir) {
    return spec;
  }

  @Override
  public void publishOutput(String outputFilename, Path rendered) throws IOException {
    OutputPublisher.move(rendered, storage.outputsDir().resolve(outputFilename)); // outputs/ may be another mount
  }

  @Override
  public void discard(String jobId) {}
}
