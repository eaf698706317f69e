package dev.smelter.video.server.queue;

import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.job.OutputNames;
import dev.smelter.video.server.job.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;

/**
 * The embedded queue: one JSON file per job under {@code jobs/}, written to a temp file and renamed
 * over the old one, so a {@code kill -9} leaves either the old or the new record. Memory holds the
 * same records for lookups; the files are the truth at start-up, when jobs that were owned by a
 * worker go back to the queue (their output is written atomically, so a re-run cannot leave a
 * half file, and the single record per job means nothing is duplicated). The interrupted attempt
 * counts: a job that was on its last attempt fails instead, so a render that takes the whole box
 * down does not start again on every restart.
 */
public final class FileJobQueue implements JobQueue {
  private final Path dir;
  private final ObjectMapper json;
  private final JobEvents events;
  private final Clock clock;
  private final int maxAttempts;
  private final Map<String, Job> jobs = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** @param maxAttempts attempts per job ({@code smelter.worker.max-attempts}); recovery honours it too */
  public FileJobQueue(Path dir, ObjectMapper json, JobEvents events, Clock clock, int maxAttempts) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.maxAttempts = maxAttempts;
    this.json = json;
    this.events = events;
    this.clock = clock;
    recover();
  }

  private void recover() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        Job job;
        try {
          job = json.readValue(f.toFile(), Job.class);
        } catch (RuntimeException e) {
          // A record we cannot read is moved aside rather than blocking start-up.
          Files.move(f, f.resolveSibling(f.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
          continue;
        }
        if (job.status().active()) {
          // attempts counts the claim of the interrupted run, so it is already spent
          job = job.attempts() >= maxAttempts
              ? job.ended(JobStatus.FAILED, "interrupted by a server restart during attempt " + job.attempts() + " of " + maxAttempts
                  + " (the server stopped or crashed while it rendered); not retried", clock.instant())
              : job.requeued(Optional.empty(), Optional.of("interrupted by a server restart"), clock.instant());
          write(job);
        }
        jobs.put(job.id(), job);
      }
    }
    try (Stream<Path> tmp = Files.list(dir)) {
      for (Path t : tmp.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) Files.deleteIfExists(t);
    }
  }

  @Override
  public Submission submit(JobRequest r) {
    lock.lock();
    try {
      if (r.idempotencyKey().isPresent()) {
        Optional<Job> same = jobs.values().stream().filter(j -> j.idempotencyKey().equals(r.idempotencyKey())).findFirst();
        if (same.isPresent()) return new Submission(same.get(), false);
      }
      Instant now = clock.instant();
      String id = UUID.randomUUID().toString();
      Job job = new Job(id, JobStatus.QUEUED, r.priority(), r.idempotencyKey(), r.spec(),
          freeName(r.outputFilename(), id), r.callback(), r.progressUrl(), r.metadata(), Progress.NONE, 0, now, now, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Delivery.NONE);
      write(job);
      jobs.put(job.id(), job);
      changed.signalAll();
      return new Submission(job, true);
    } finally {
      lock.unlock();
    }
  }

  /** The requested output name, or a variant when an unfinished job holds it (under the lock: atomic with the submission). */
  private String freeName(String requested, String id) {
    Set<String> held = jobs.values().stream().filter(j -> !j.status().terminal()).map(Job::outputFilename)
        .collect(java.util.stream.Collectors.toSet());
    return OutputNames.candidates(requested, id).stream().filter(n -> !held.contains(n)).findFirst().orElseThrow();
  }

  @Override
  public Optional<Job> get(String id) {
    lock.lock();
    try {
      return Optional.ofNullable(jobs.get(id));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Job> list(Optional<JobStatus> status, int offset, int limit) {
    lock.lock();
    try {
      return jobs.values().stream()
          .filter(j -> status.map(s -> j.status() == s).orElse(true))
          .sorted(Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id))
          .skip(offset).limit(limit).toList();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Job> claim(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lock();
    try {
      while (true) {
        Instant now = clock.instant();
        Optional<Job> next = jobs.values().stream()
            .filter(j -> j.status() == JobStatus.QUEUED && j.notBefore().map(t -> !t.isAfter(now)).orElse(true))
            .min(Comparator.comparingInt(Job::priority).reversed().thenComparing(Job::createdAt).thenComparing(Job::id));
        if (next.isPresent()) {
          Job claimed = next.get().claimed(now);
          store(claimed);
          return Optional.of(claimed);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) return Optional.empty();
        // Wake for a retry that becomes due before the deadline, too.
        long untilDue = jobs.values().stream().filter(j -> j.status() == JobStatus.QUEUED)
            .flatMap(j -> j.notBefore().stream()).mapToLong(t -> Duration.between(now, t).toNanos()).min().orElse(left);
        changed.awaitNanos(Math.max(1_000_000, Math.min(left, untilDue)));
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Job> update(String id, UnaryOperator<Job> change) {
    Job next;
    lock.lock();
    try {
      Job current = jobs.get(id);
      if (current == null) return Optional.empty();
      next = change.apply(current);
      if (next == current) return Optional.of(current);
      store(next);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    events.publish(next);
    return Optional.of(next);
  }

  @Override
  public void remove(String id) {
    lock.lock();
    try {
      jobs.remove(id);
      Files.deleteIfExists(dir.resolve(id + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Stats stats() {
    lock.lock();
    try {
      Map<JobStatus, Long> counts = new HashMap<>();
      jobs.values().forEach(j -> counts.merge(j.status(), 1L, Long::sum));
      long active = counts.getOrDefault(JobStatus.RENDERING, 0L) + counts.getOrDefault(JobStatus.ENCODING, 0L)
          + counts.getOrDefault(JobStatus.UPLOADING, 0L);
      return new Stats(counts.getOrDefault(JobStatus.QUEUED, 0L), active, counts.getOrDefault(JobStatus.COMPLETED, 0L),
          counts.getOrDefault(JobStatus.FAILED, 0L), counts.getOrDefault(JobStatus.CANCELLED, 0L), jobs.size());
    } finally {
      lock.unlock();
    }
  }

  private void store(Job job) {
    write(job);
    jobs.put(job.id(), job);
  }

  /** Temp file + rename: readers and a crash see the old or the new record, never a torn one. */
  private void write(Job job) {
    Path target = dir.resolve(job.id() + ".json");
    Path tmp = dir.resolve(job.id() + ".json." + UUID.randomUUID() + ".tmp");
    try {
      try {
        Files.write(tmp, json.writeValueAsBytes(job));
      } catch (java.nio.file.NoSuchFileException e) {
        // The folder was deleted under the running service: recreate it rather than fail every job from now on.
        Files.createDirectories(dir);
        java.util.logging.Logger.getLogger(FileJobQueue.class.getName()).warning("recreated the missing job folder " + dir);
        Files.write(tmp, json.writeValueAsBytes(job));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is what matters
      }
      throw new UncheckedIOException("cannot store job " + job.id(), e);
    }
  }
}
