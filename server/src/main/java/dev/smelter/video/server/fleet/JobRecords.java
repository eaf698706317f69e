package dev.smelter.video.server.fleet;

import dev.smelter.video.server.fleet.ScriptCall.Enqueue;
import dev.smelter.video.server.fleet.ScriptCall.Owner;
import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.job.OutputNames;
import dev.smelter.video.server.job.Progress;
import dev.smelter.video.server.queue.JobQueue.Stats;
import dev.smelter.video.server.queue.JobQueue.Submission;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/**
 * The fleet's job records: a hash per job (its record as JSON plus a version for compare-and-set),
 * written by scripts that also do the stream work of each transition ({@code update.lua}), and the
 * listing, counts and output names that go with them. Every stored change is announced on the
 * events channel.
 */
final class JobRecords {
  /** How long a name reservation lives before its job's record exists (a node dying in between frees it soon). */
  private static final Duration RESERVING = Duration.ofMinutes(1);

  private final FleetRedis redis;
  private final RedisCommands<String, String> cmd;
  private final FleetKeys keys;
  private final ObjectMapper json;
  private final JobEvents events;
  private final Clock clock;
  private final Duration finishedTtl;
  private final Consumer<Job> stored;

  /** {@code stored}: called with every record this node stored (the claims let go of jobs no longer active). */
  JobRecords(FleetRedis redis, ObjectMapper json, JobEvents events, Clock clock, Duration finishedTtl, Consumer<Job> stored) {
    this.redis = redis;
    this.cmd = redis.commands();
    this.keys = redis.keys();
    this.json = json;
    this.events = events;
    this.clock = clock;
    this.finishedTtl = finishedTtl;
    this.stored = stored;
  }

  Submission submit(JobRequest r) {
    Instant now = clock.instant();
    String jobId = UUID.randomUUID().toString();
    String name = new ScriptCall.ReserveName(jobId, RESERVING, OutputNames.candidates(r.outputFilename(), jobId)).run(redis);
    Job job = new Job(jobId, JobStatus.QUEUED, r.priority(), r.idempotencyKey(), r.spec(),
        name, r.callback(), r.progressUrl(), r.metadata(), Progress.NONE, 0, now, now, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Delivery.NONE);
    String id = new ScriptCall.Submit(job, json.writeValueAsString(job), JobRequirements.of(r.spec())).run(redis);
    if (!id.equals(job.id())) {
      new ScriptCall.Release(keys.outputName(name), job.id()).<Long>run(redis); // not ours after all
      Optional<Job> existing = get(id);
      if (existing.isPresent()) return new Submission(existing.get(), false);
    }
    // Held until the job's record (unfinished, then finished) expires; a job queued longer than that is not expected.
    cmd.pexpire(keys.outputName(name), finishedTtl.plus(Duration.ofDays(1)).toMillis());
    announce(job);
    redis.publish(keys.wakeChannel(), job.id());
    return new Submission(job, true);
  }

  Optional<Job> get(String id) {
    String record = cmd.hget(keys.job(id), "json");
    return record == null ? Optional.empty() : Optional.of(json.readValue(record, Job.class));
  }

  List<Job> list(Optional<JobStatus> status, int offset, int limit) {
    List<String> records = new ScriptCall.ListJobs(status.map(JobStatus::wire).orElse(""), offset, limit).run(redis);
    return records.stream().map(s -> json.readValue(s, Job.class)).toList();
  }

  /** The record with its version and requirement class, as a compare-and-set starts from. */
  record Versioned(Job job, String version, String requirements, Optional<String> entry) {}

  /** Reads a job's record for a compare-and-set; empty if there is none. */
  Optional<Versioned> read(String id) {
    List<KeyValue<String, String>> h = cmd.hmget(keys.job(id), "json", "v", "class", "entry");
    String record = h.get(0).getValueOrElse(null);
    if (record == null) return Optional.empty();
    return Optional.of(new Versioned(json.readValue(record, Job.class), h.get(1).getValue(), h.get(2).getValueOrElse(""),
        Optional.ofNullable(h.get(3).getValueOrElse(null))));
  }

  Optional<Job> update(String id, UnaryOperator<Job> change) {
    while (true) {
      Optional<Versioned> read = read(id);
      if (read.isEmpty()) return Optional.empty();
      Job current = read.get().job();
      Job next = change.apply(current);
      if (next == current) return Optional.of(current);
      // The owner stays on a finished job (who rendered it) and is cleared when it is queued again.
      Optional<Long> stored = store(read.get(), next, next.status() == JobStatus.QUEUED ? Owner.CLEAR : Owner.KEEP);
      if (stored.isEmpty()) return Optional.empty();
      if (stored.get() >= 0) return Optional.of(next);
    }
  }

  /**
   * Compare-and-set from {@code current} to {@code next}, with the stream work the transition
   * implies on the stream of its priority and requirement class. Empty: the record is gone;
   * negative: it changed meanwhile.
   */
  Optional<Long> store(Versioned current, Job next, Owner owner) {
    Job was = current.job();
    boolean claimEnds = !next.status().active() && (was.status().active() || next.status().terminal());
    boolean queuedAgain = next.status() == JobStatus.QUEUED && was.status() != JobStatus.QUEUED;
    Enqueue enqueue = Enqueue.NONE;
    if (queuedAgain) enqueue = next.notBefore().filter(t -> t.isAfter(clock.instant())).isPresent() ? Enqueue.LATER : Enqueue.NOW;
    String errorLine = "";
    // A retry keeps the attempt count (a hand-back by a draining worker lowers it: nothing failed).
    if (queuedAgain && next.error().isPresent() && was.status().active() && next.attempts() == was.attempts()) {
      errorLine = "attempt " + was.attempts() + ": " + next.error().get();
    } else if (next.status() == JobStatus.FAILED && was.status() != JobStatus.FAILED) {
      errorLine = "attempt " + next.attempts() + ": " + next.error().orElse("failed");
    }
    boolean dead = next.status() == JobStatus.FAILED && was.status() != JobStatus.FAILED;
    Duration ttl = next.status().terminal() ? Duration.ofSeconds(Math.max(1, finishedTtl.toSeconds())) : Duration.ZERO;
    Long result = new ScriptCall.Update(next, json.writeValueAsString(next), current.version(), current.requirements(), owner,
        claimEnds, enqueue, errorLine, dead, ttl).run(redis);
    if (result == -2) return Optional.empty();
    if (result == -1) return Optional.of(-1L);
    stored.accept(next);
    announce(next);
    if (enqueue == Enqueue.NOW) redis.publish(keys.wakeChannel(), next.id());
    return Optional.of(result);
  }

  void remove(String id) {
    Optional<Job> job = get(id);
    cmd.del(keys.job(id), keys.errors(id));
    cmd.zrem(keys.jobs(), id);
    cmd.zrem(keys.delayed(), id);
    job.flatMap(Job::idempotencyKey).ifPresent(k -> cmd.del(keys.idempotency(k)));
  }

  Stats stats() {
    List<String> statuses = new ScriptCall.Statuses().run(redis);
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    statuses.forEach(s -> counts.merge(JobStatus.parse(s), 1L, Long::sum));
    long active = counts.getOrDefault(JobStatus.RENDERING, 0L) + counts.getOrDefault(JobStatus.ENCODING, 0L)
        + counts.getOrDefault(JobStatus.UPLOADING, 0L);
    return new Stats(counts.getOrDefault(JobStatus.QUEUED, 0L), active, counts.getOrDefault(JobStatus.COMPLETED, 0L),
        counts.getOrDefault(JobStatus.FAILED, 0L), counts.getOrDefault(JobStatus.CANCELLED, 0L), statuses.size());
  }

  private void announce(Job job) {
    events.publish(job);
    redis.publish(keys.eventsChannel(), redis.nodeId() + " " + job.id());
  }
}
