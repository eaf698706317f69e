package dev.smelter.video.server.storage;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.storage.objects.NoSuchObjectException;
import dev.smelter.video.server.storage.objects.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API's view of uploads and outputs: its own folders first, then the object store (when one is
 * configured), so that every API node finds what any worker produced and any node received.
 * Without a store every call is about the local folders only.
 */
public final class StoredFiles {
  private static final Logger LOG = Logger.getLogger(StoredFiles.class.getName());
  public static final String UPLOADS = "uploads/";

  private final Storage storage;
  private final Optional<ObjectStore> store;
  private final Optional<LocalCache> cache;
  private final ServiceProperties.ObjectStorage config;

  public StoredFiles(Storage storage, Optional<ObjectStore> store, Optional<LocalCache> cache, ServiceProperties.ObjectStorage config) {
    this.storage = storage;
    this.store = store;
    this.cache = cache;
    this.config = config;
  }

  public boolean remote() {
    return store.isPresent();
  }

  /** A file just written to the uploads folder: also stored as {@code uploads/<name>}. */
  public void uploaded(Path file) throws IOException {
    if (store.isPresent()) store.get().put(UPLOADS + file.getFileName(), file);
  }

  /**
   * A file a spec names that this node lacks: an upload another API node received
   * ({@code /app/uploads/<name>}) or an output only the store holds ({@code /outputs/<name>}, workers
   * keep none by default) is fetched into the local folder, so the legacy paths keep working in a fleet.
   */
  public void restore(Path file) {
    if (store.isEmpty() || Files.exists(file)) return;
    String prefix = storage.uploadsDir().equals(file.getParent()) ? UPLOADS
        : storage.outputsDir().equals(file.getParent()) ? ObjectStoreJobFiles.OUTPUTS : null;
    if (prefix == null || !Storage.safeName(file.getFileName().toString())) return;
    try {
      store.get().get(prefix + file.getFileName(), file);
    } catch (NoSuchObjectException e) {
      // nowhere: the planner reports the missing file
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot fetch " + prefix + file.getFileName() + " from " + store.get().describe(), e);
    }
  }

  /** An output or upload by name: the local file, else the store's copy fetched into the cache. */
  public Optional<Storage.Located> locate(String filename) throws IOException {
    Optional<Storage.Located> local = storage.locate(filename);
    if (local.isPresent() || store.isEmpty() || !Storage.safeName(filename)) return local;
    Optional<Path> out = fetched(ObjectStoreJobFiles.OUTPUTS + filename);
    if (out.isPresent()) return Optional.of(new Storage.Located(out.get(), "outputs"));
    return fetched(UPLOADS + filename).map(p -> new Storage.Located(p, "uploads"));
  }

  /** An output by name, local or fetched from the store. */
  public Optional<Path> output(String filename) throws IOException {
    if (!Storage.safeName(filename)) return Optional.empty();
    Path local = storage.outputsDir().resolve(filename);
    if (Files.isRegularFile(local)) return Optional.of(local);
    return store.isEmpty() ? Optional.empty() : fetched(ObjectStoreJobFiles.OUTPUTS + filename);
  }

  public boolean outputExists(String filename) throws IOException {
    if (!Storage.safeName(filename)) return false;
    if (Files.isRegularFile(storage.outputsDir().resolve(filename))) return true;
    return store.isPresent() && store.get().exists(ObjectStoreJobFiles.OUTPUTS + filename);
  }

  /** With {@code download=redirect}: a pre-signed URL for an output that is not on this node. */
  public Optional<URI> redirect(String filename) throws IOException {
    if (store.isEmpty() || config.download() != ServiceProperties.ObjectStorage.Download.REDIRECT || !Storage.safeName(filename)
        || Files.isRegularFile(storage.outputsDir().resolve(filename))) {
      return Optional.empty();
    }
    String key = ObjectStoreJobFiles.OUTPUTS + filename;
    if (!store.get().exists(key)) return Optional.empty();
    return store.get().presignedGet(key, config.presignTtl(), filename);
  }

  /** Outputs in the store (for {@code /files}); empty without one. */
  public List<ObjectStore.Info> storedOutputs() throws IOException {
    return store.isEmpty() ? List.of() : store.get().list(ObjectStoreJobFiles.OUTPUTS);
  }

  /**
   * The store's retention: outputs and uploads last modified before {@code limit}, and inputs before
   * {@code cutoff} that no unfinished job refers to ({@code inUse}).
   */
  public RetentionSweeper.Swept sweep(Instant limit, Instant cutoff, Set<String> inUse) {
    if (store.isEmpty()) return new RetentionSweeper.Swept(0, 0);
    int files = 0;
    long bytes = 0;
    List<ObjectStore.Info> old = new ArrayList<>();
    try {
      for (String prefix : List.of(ObjectStoreJobFiles.OUTPUTS, UPLOADS)) {
        store.get().list(prefix).stream().filter(o -> o.lastModified().isBefore(limit)).forEach(old::add);
      }
      store.get().list(ObjectStoreJobFiles.INPUTS).stream().filter(o -> o.lastModified().isBefore(cutoff) && !inUse.contains(o.key()))
          .forEach(old::add);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot list the object store for retention", e);
    }
    for (ObjectStore.Info o : old) {
      try {
        store.get().delete(o.key());
        files++;
        bytes += o.size();
      } catch (IOException e) {
        LOG.log(Level.FINE, "cannot delete " + o.key(), e);
      }
    }
    return new RetentionSweeper.Swept(files, bytes);
  }

  /** The object in the cache (keyed by key and ETag, so a replaced output is fetched again). */
  private Optional<Path> fetched(String key) throws IOException {
    Optional<ObjectStore.Info> info = store.get().stat(key);
    if (info.isEmpty()) return Optional.empty();
    String name = "obj-" + ObjectStoreJobFiles.sha256Hex((key + "|" + info.get().etag()).getBytes(StandardCharsets.UTF_8)).substring(0, 40)
        + ObjectStoreJobFiles.extension(key.substring(key.lastIndexOf('/') + 1));
    try {
      return Optional.of(cache.orElseThrow().get(name, tmp -> store.get().get(key, tmp)));
    } catch (NoSuchObjectException gone) {
      return Optional.empty();
    }
  }
}
