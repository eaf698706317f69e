package dev.smelter.video.server.storage.objects;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Files every node of a fleet can reach, by key ({@code inputs/…}, {@code uploads/…},
 * {@code outputs/…}): an S3-compatible bucket or a shared folder. Keys are relative, '/'-separated,
 * without "." or ".." segments.
 */
public sealed interface ObjectStore extends AutoCloseable permits S3ObjectStore, FolderObjectStore {
  /** One stored object. */
  record Info(String key, long size, Instant lastModified, String etag) {}

  /** Stores (or replaces) {@code key} with the file's bytes. */
  void put(String key, Path file) throws IOException;

  /**
   * Writes the object to {@code target}, which appears whole or not at all (temporary file, then an
   * atomic rename). Throws {@link NoSuchObjectException} when there is no such key.
   */
  void get(String key, Path target) throws IOException;

  /** The object's size and date, empty when it does not exist. */
  Optional<Info> stat(String key) throws IOException;

  default boolean exists(String key) throws IOException {
    return stat(key).isPresent();
  }

  /** Removes the object; nothing happens when there is none. */
  void delete(String key) throws IOException;

  /** Every object whose key starts with {@code prefix}. */
  List<Info> list(String prefix) throws IOException;

  /**
   * A URL anyone can GET the object from for {@code ttl} without credentials (served as an
   * attachment named {@code downloadName}); empty when the store cannot make one (a shared folder).
   */
  Optional<URI> presignedGet(String key, Duration ttl, String downloadName);

  /** Where the store is, for logs and error messages: never credentials. */
  String describe();

  @Override
  void close();

  /** Refuses keys that could leave the store's namespace (a folder store maps them to paths). */
  static String checkKey(String key) {
    if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\") || key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("invalid object key: " + key);
    }
    for (String segment : key.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) throw new IllegalArgumentException("invalid object key: " + key);
    }
    return key;
  }
}
