package dev.smelter.video.server.storage;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Files fetched from the object store, kept between jobs and bounded in size: when a new entry
 * takes the total over {@code maxBytes}, the least recently used entries go (a hit refreshes an
 * entry's modification time, so the order survives restarts). Jobs get hard links to the entries
 * ({@link #linkInto}), so evicting an entry never pulls a file from under a running render; the
 * space comes back when the job's folder is deleted. Safe for concurrent slots: one download per
 * entry at a time, and entries appear by atomic rename.
 */
public final class LocalCache {
  /** Writes the entry's content to the given (not yet existing) file. */
  @FunctionalInterface
  public interface Download {
    void to(Path file) throws IOException;
  }

  private static final String TEMP_PREFIX = ".tmp-";

  private final Path dir;
  private final long maxBytes;
  private final Clock clock;
  private final ConcurrentHashMap<String, Object> downloading = new ConcurrentHashMap<>();

  public LocalCache(Path dir, long maxBytes, Clock clock) throws IOException {
    this.dir = Files.createDirectories(dir).toRealPath();
    this.maxBytes = maxBytes;
    this.clock = clock;
    // Downloads interrupted by a crash leave temporary files behind; recent ones may belong to
    // another process sharing the folder, so only those an hour old go.
    FileTime stale = FileTime.from(clock.instant().minusSeconds(3600));
    try (Stream<Path> s = Files.list(this.dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
        if (Files.getLastModifiedTime(p).compareTo(stale) < 0) Files.deleteIfExists(p);
      }
    }
  }

  public Path dir() {
    return dir;
  }

  /** The bound ({@code smelter.storage.cache-size}). */
  public long maxBytes() {
    return maxBytes;
  }

  /** The entry {@code name} (a plain file name), downloaded first when it is not cached. */
  public Path get(String name, Download download) throws IOException {
    if (!Storage.safeName(name) || name.startsWith(TEMP_PREFIX)) throw new IllegalArgumentException("invalid cache entry name: " + name);
    Path entry = dir.resolve(name);
    if (touch(entry)) return entry;
    Object lock = downloading.computeIfAbsent(name, k -> new Object());
    synchronized (lock) {
      try {
        if (touch(entry)) return entry;
        Path tmp = dir.resolve(TEMP_PREFIX + java.util.UUID.randomUUID() + "-" + name);
        try {
          Files.deleteIfExists(tmp);
          download.to(tmp);
          Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          touch(entry);
        } finally {
          Files.deleteIfExists(tmp);
        }
      } finally {
        downloading.remove(name);
      }
    }
    evict(entry);
    return entry;
  }

  /**
   * The entry, linked (or, across file systems, copied) to {@code target}: the job keeps its input
   * even if the cache evicts the entry meanwhile. An entry evicted between download and link is
   * fetched again.
   */
  public Path linkInto(String name, Download download, Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path entry = get(name, download);
      try {
        Files.deleteIfExists(target);
        Files.createLink(target, entry);
        return target;
      } catch (NoSuchFileException gone) {
        if (attempt >= 2) throw gone;
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        if (!Files.exists(entry)) {
          if (attempt >= 2) throw new NoSuchFileException(entry.toString());
          continue;
        }
        Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
      }
    }
  }

  /** Marks an existing entry as just used; false when there is none. */
  private boolean touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.from(clock.instant()));
      return true;
    } catch (IOException missing) {
      return false;
    }
  }

  /** Deletes least recently used entries (never {@code keep}) while the total is over the bound. */
  synchronized void evict(Path keep) {
    record Entry(Path path, long size, FileTime used) {}
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().startsWith(TEMP_PREFIX)) continue;
        try {
          entries.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p)));
        } catch (IOException gone) {
          // evicted by another process sharing the folder
        }
      }
    } catch (IOException e) {
      return;
    }
    long total = entries.stream().mapToLong(Entry::size).sum();
    entries.sort(Comparator.comparing(Entry::used));
    for (Entry e : entries) {
      if (total <= maxBytes) break;
      if (e.path().equals(keep)) continue;
      try {
        Files.deleteIfExists(e.path());
        total -= e.size();
      } catch (IOException busy) {
        // try again next time
      }
    }
  }

  /** Bytes the cache holds now. */
  public long size() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(TEMP_PREFIX)).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException gone) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }
}
