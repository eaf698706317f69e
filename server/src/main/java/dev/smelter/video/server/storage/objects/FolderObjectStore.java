package dev.smelter.video.server.storage.objects;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A folder every node mounts (NFS, SMB, a bind mount): keys are relative paths under it. Writes go
 * to a hidden temporary name first and are renamed into place, so readers never see half a file.
 */
public final class FolderObjectStore implements ObjectStore {
  private static final String TEMP_PREFIX = ".tmp-";

  private final Path root;

  public FolderObjectStore(Path root) throws IOException {
    this.root = Files.createDirectories(root).toRealPath();
  }

  private Path file(String key) {
    return root.resolve(ObjectStore.checkKey(key));
  }

  @Override
  public void put(String key, Path source) throws IOException {
    Path target = file(key);
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
    try {
      Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void get(String key, Path target) throws IOException {
    Path source = file(key);
    Path tmp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
    try {
      Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      if (!Files.exists(source)) throw new NoSuchObjectException(key, describe());
      throw e;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public Optional<Info> stat(String key) throws IOException {
    Path f = file(key);
    try {
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
      if (!a.isRegularFile()) return Optional.empty();
      return Optional.of(new Info(key, a.size(), a.lastModifiedTime().toInstant(), a.size() + "-" + a.lastModifiedTime().toMillis()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(file(key));
  }

  @Override
  public List<Info> list(String prefix) throws IOException {
    List<Info> out = new ArrayList<>();
    // Walk only the folder the prefix names, not the whole store.
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(ObjectStore.checkKey(prefix.substring(0, slash)));
    if (!Files.isDirectory(start)) return out;
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
        String key = root.relativize(f).toString().replace('\\', '/');
        if (a.isRegularFile() && key.startsWith(prefix) && !f.getFileName().toString().startsWith(TEMP_PREFIX)) {
          out.add(new Info(key, a.size(), a.lastModifiedTime().toInstant(), a.size() + "-" + a.lastModifiedTime().toMillis()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE; // deleted meanwhile
      }
    });
    return out;
  }

  @Override
  public Optional<URI> presignedGet(String key, Duration ttl, String downloadName) {
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "folder " + root;
  }

  @Override
  public void close() {}
}
