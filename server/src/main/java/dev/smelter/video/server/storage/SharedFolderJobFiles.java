package dev.smelter.video.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    Files.move(rendered, storage.outputsDir().resolve(outputFilename), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void discard(String jobId) {}
}
