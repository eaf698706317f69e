package dev.smelter.video.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The temporary outputs of the renders running in this JVM, listed one per line in the file named
 * by the system property {@code smelter.partials} (when set). A render removes its own temporary
 * file on any Java-level failure; a native crash kills the JVM before it can, so the launcher
 * ({@code smelter-video}) passes {@code -XX:OnError} with a command that deletes what this file
 * lists. Without the property nothing is written.
 */
public final class PartialOutputs {
  private static final Logger LOG = Logger.getLogger(PartialOutputs.class.getName());
  private static final Set<Path> LIVE = new LinkedHashSet<>();

  private PartialOutputs() {}

  static synchronized void add(Path tmp) {
    LIVE.add(tmp.toAbsolutePath());
    write();
  }

  static synchronized void remove(Path tmp) {
    if (LIVE.remove(tmp.toAbsolutePath())) write();
  }

  /** The list file, rewritten atomically (the crash hook may read it at any moment); gone when nothing is live. */
  private static void write() {
    String name = System.getProperty("smelter.partials", "");
    if (name.isBlank()) return;
    Path list = Path.of(name);
    try {
      if (LIVE.isEmpty()) {
        Files.deleteIfExists(list);
        return;
      }
      StringBuilder sb = new StringBuilder();
      for (Path p : LIVE) sb.append(p).append('\n');
      Path tmp = list.resolveSibling(list.getFileName() + ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "cannot update " + list + " (a crash could leave a partial output): " + e.getMessage());
    }
  }
}
