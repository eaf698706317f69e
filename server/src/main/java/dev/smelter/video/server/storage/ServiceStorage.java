package dev.smelter.video.server.storage;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.storage.objects.ObjectStore;
import dev.smelter.video.server.storage.objects.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything about where files live, built from the settings in one place so that {@code serve} and
 * a fleet {@code worker} agree: the local folders, the object store (when {@code smelter.storage.url}
 * is set) with its cache, and the {@link JobFiles} that moves a job's files.
 */
public record ServiceStorage(Storage storage, Optional<ObjectStore> store, Optional<LocalCache> cache, JobFiles jobFiles,
    StoredFiles files) implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServiceStorage.class.getName());

  public static ServiceStorage open(ServiceProperties props, Clock clock) {
    ServiceProperties.ObjectStorage config = props.storage();
    Optional<ObjectStore> store;
    try {
      store = ObjectStores.open(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the object store " + config.url(), e);
    }
    if (store.isEmpty()) {
      Storage storage = new Storage(props);
      return new ServiceStorage(storage, store, Optional.empty(), new SharedFolderJobFiles(storage), new StoredFiles(storage, store,
          Optional.empty(), config));
    }
    ObjectStore s = store.get();
    LOG.info(() -> "job files go through " + s.describe());
    // Early word in the log when the store is unreachable or refuses the credentials; not fatal, as
    // the store may come up after the service.
    try {
      s.stat("uploads/.smelter-probe");
    } catch (IOException | RuntimeException e) {
      LOG.warning("the object store does not answer: " + e.getMessage());
    }
    Storage.Links links = !config.presignResults() ? Storage.Links.NONE
        : name -> s.presignedGet(ObjectStoreJobFiles.OUTPUTS + name, config.presignTtl(), name).map(Object::toString);
    Storage storage = new Storage(props, links);
    try {
      LocalCache cache = new LocalCache(props.cacheDir(), config.cacheSize().toBytes(), clock);
      // Re-upload an input older than half the retention age, so the sweep never takes one a new job uses.
      Duration refresh = props.retention() == null ? Duration.ofHours(1) : props.retention().maxAge().dividedBy(2);
      JobFiles files = new ObjectStoreJobFiles(s, storage, cache, config.keepLocalOutputs(), refresh, clock);
      return new ServiceStorage(storage, store, Optional.of(cache), files, new StoredFiles(storage, store, Optional.of(cache), config));
    } catch (IOException e) {
      s.close();
      throw new UncheckedIOException("cannot create the cache folder " + props.cacheDir(), e);
    }
  }

  /**
   * How this node gets its job files, for {@code GET /workers}: {@code shared-folder} (no store: the
   * data dir is shared with the API nodes) or {@code object-store} with its cache's use and bound.
   */
  public record Report(String mode, String location, long cacheBytes, long cacheLimit) {}

  public Report report() {
    if (store.isEmpty()) return new Report("shared-folder", storage.jobDir("x").getParent().getParent().toString(), 0, 0);
    return new Report("object-store", store.get().describe(), cache.map(LocalCache::size).orElse(0L),
        cache.map(LocalCache::maxBytes).orElse(0L));
  }

  @Override
  public void close() {
    store.ifPresent(ObjectStore::close);
  }
}
