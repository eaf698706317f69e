package dev.smelter.video.server.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Puts a finished file under its final name so that readers see either the old file or the whole new
 * one. A rename does that within one file system; when the outputs folder is another mount (a
 * volume, NFS, tmpfs) the kernel refuses it ("Invalid cross-device link"), and the file is copied
 * into a temporary name in the target folder, flushed to disk, renamed there atomically, and the
 * source removed.
 */
public final class OutputPublisher {
  private OutputPublisher() {}

  /** Moves {@code source} to {@code target}, replacing it. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException crossDevice) {
      copyThenRename(source, target);
    }
  }

  /** The cross-device path: copy + fsync + atomic rename within the target folder; on failure nothing is left there. */
  static void copyThenRename(Path source, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".publishing");
    try {
      Files.copy(source, tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true); // the bytes are on disk before the name points at them
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    syncFolder(dir);
    Files.deleteIfExists(source);
  }

  /** Makes the rename itself durable (Linux syncs a directory opened for reading; elsewhere this may be refused). */
  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on this platform: the rename is still atomic, only its durability is the OS's
    }
  }
}
