package dev.smelter.video.server;

import dev.smelter.video.server.storage.Storage;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A data folder that cannot be created or written (read-only, no permission, a file in the way)
 * stops the node with one readable paragraph instead of Spring's bean-creation stack trace.
 */
final class DataFolderFailureAnalyzer extends AbstractFailureAnalyzer<Storage.Unusable> {
  @Override
  protected FailureAnalysis analyze(Throwable root, Storage.Unusable cause) {
    return new FailureAnalysis(cause.getMessage(), "Point --data-dir (or SMELTER_DATA_DIR, smelter.data-dir) at a folder this user "
        + "can write, on a file system mounted read-write. See docs/service.md.", cause);
  }
}
