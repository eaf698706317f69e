package dev.smelter.video.server.storage;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.queue.JobQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Deletes what has outlived {@code maxAge}: outputs, uploads and shared files (files touched in the
 * last {@code recentlyModified} are spared, as the legacy cleanup did), leftover job folders and the
 * records of finished jobs; then, over {@code maxOutputBytes}, the oldest outputs.
 */
public final class RetentionSweeper implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RetentionSweeper.class.getName());

  /** What one sweep removed. */
  public record Swept(int filesDeleted, long bytesFreed) {}

  private final ServiceProperties.Retention config;
  private final Storage storage;
  private final JobQueue queue;
  private final Clock clock;
  private final JobFiles jobFiles;
  private final StoredFiles stored;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

  public RetentionSweeper(ServiceProperties.Retention config, Storage storage, JobQueue queue, Clock clock) {
    this(config, storage, queue, clock, new SharedFolderJobFiles(storage), new StoredFiles(storage, Optional.empty(), Optional.empty(), null));
  }

  /** {@code jobFiles} discards what removed jobs staged; {@code stored} sweeps the object store, if any. */
  public RetentionSweeper(ServiceProperties.Retention config, Storage storage, JobQueue queue, Clock clock, JobFiles jobFiles,
      StoredFiles stored) {
    this.jobFiles = jobFiles;
    this.stored = stored;
    this.config = config;
    this.storage = storage;
    this.queue = queue;
    this.clock = clock;
  }

  public void start() {
    long every = Math.max(1, config.checkInterval().toSeconds());
    timer.scheduleWithFixedDelay(() -> {
      try {
        sweep();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "retention sweep failed", e);
      }
    }, every, every, TimeUnit.SECONDS);
  }

  public synchronized Swept sweep() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(config.maxAge());
    Instant spare = now.minus(config.recentlyModified());
    Instant limit = cutoff.isBefore(spare) ? cutoff : spare;
    int files = 0;
    long bytes = 0;
    for (Path dir : List.of(storage.outputsDir(), storage.uploadsDir(), storage.filesDir())) {
      for (FileAge f : files(dir)) {
        if (f.modified().isBefore(limit) && delete(f.path())) {
          files++;
          bytes += f.size();
        }
      }
    }
    Set<String> inUse = new HashSet<>();
    for (Job job : queue.list(Optional.empty(), 0, Integer.MAX_VALUE)) {
      if (job.status().terminal() && job.finishedAt().map(t -> t.isBefore(cutoff)).orElse(false)) {
        storage.deleteJobDir(job.id());
        storage.deleteIncoming(job.spec());
        try {
          jobFiles.discard(job.id());
        } catch (IOException e) {
          LOG.log(Level.FINE, "cannot discard the files of job " + job.id(), e);
        }
        queue.remove(job.id());
      } else if (!job.status().terminal()) {
        inUse.addAll(ObjectStoreJobFiles.keysOf(job.spec()));
      }
    }
    try (Stream<Path> dirs = Files.list(storage.jobDir("x").getParent())) {
      for (Path d : dirs.toList()) {
        String name = d.getFileName().toString();
        boolean orphan = name.startsWith(Storage.INCOMING) || queue.get(name).map(j -> j.status().terminal()).orElse(true);
        if (orphan && Files.getLastModifiedTime(d).toInstant().isBefore(limit)) Storage.deleteTree(d);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot list job folders", e);
    }
    if (config.maxOutputBytes() > 0) {
      List<FileAge> outputs = new ArrayList<>(files(storage.outputsDir()));
      outputs.sort(Comparator.comparing(FileAge::modified));
      long total = outputs.stream().mapToLong(FileAge::size).sum();
      for (FileAge f : outputs) {
        if (total <= config.maxOutputBytes()) break;
        if (delete(f.path())) {
          total -= f.size();
          files++;
          bytes += f.size();
        }
      }
    }
    Swept remote = stored.sweep(limit, cutoff, inUse);
    return new Swept(files + remote.filesDeleted(), bytes + remote.bytesFreed());
  }

  /** Regular files directly in a folder, with size and modification time. */
  public static List<FileAge> files(Path dir) {
    List<FileAge> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (!Files.isRegularFile(p)) continue;
        try {
          out.add(new FileAge(p, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
        } catch (IOException gone) {
          // deleted meanwhile
        }
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot list " + dir, e);
    }
    return out;
  }

  public record FileAge(Path path, long size, Instant modified) {}

  private static boolean delete(Path p) {
    try {
      return Files.deleteIfExists(p);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
