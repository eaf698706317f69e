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
import dev.smelter.video.server.queue.JobQueue;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.ObjectMapper;

/**
 * The fleet queue on Redis Streams. A job is a hash (its record as JSON plus a version for
 * compare-and-set); a runnable job is an entry in the stream of its priority and requirement class
 * ({@link JobRequirements}), read by the consumer group {@link FleetKeys#GROUP}:
 *
 * <ul>
 *   <li>submit: {@code XADD} (with the record and the idempotency key, in one script);
 *   <li>claim: {@code XREADGROUP} over the streams whose class this node's capabilities cover,
 *       highest priority first; entries of nodes that stopped heart-beating are taken over with
 *       {@code XAUTOCLAIM} after {@code reclaimAfter};
 *   <li>while a render runs, the claiming node renews its entry ({@code XCLAIM … JUSTID}) every
 *       heartbeat, so a long render is never taken over from a live worker;
 *   <li>every change is a compare-and-set script on the job hash that also does the stream work of the
 *       transition: {@code XACK}+{@code XDEL} when a claim ends, {@code XADD} (or the retry schedule)
 *       when the job is queued again, the error log and the dead-letter stream when it fails for good,
 *       and the record's TTL once it is finished;
 *   <li>a taken-over job that already used all its attempts (its workers kept dying) fails into the
 *       dead-letter stream instead of running again.
 * </ul>
 * The scripts are {@code .lua} resources ({@link FleetScript}) called with typed arguments
 * ({@link ScriptCall}). Every change is announced on the events channel, so any API node can serve SSE and {@code /edit},
 * and the node rendering a job learns of its cancellation.
 */
public final class RedisJobQueue implements JobQueue, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RedisJobQueue.class.getName());

  /** How the queue behaves; {@code finishedTtl} is how long finished job records are kept. */
  public record Settings(int maxAttempts, Duration reclaimAfter, Duration heartbeat, Duration finishedTtl) {}

  /** A claim this node holds: the stream entry it must keep renewing, and the attempt it runs. */
  private record Held(String stream, String entry, int attempt) {}

  /** How long a name reservation lives before its job's record exists (a node dying in between frees it soon). */
  private static final Duration RESERVING = Duration.ofMinutes(1);

  private final FleetRedis redis;
  private final RedisCommands<String, String> cmd;
  private final FleetKeys keys;
  private final ObjectMapper json;
  private final JobEvents events;
  private final Clock clock;
  private final Settings settings;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Object wake = new Object();
  private final ExecutorService remoteEvents = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("fleet-events").factory());
  private final Thread keeper;
  private final AtomicLong lastReclaim;
  private volatile boolean closed;
  private volatile java.util.function.Consumer<Job> onGaveUp = j -> {};
  /** What this node can render besides plain jobs ({@link JobRequirements}): set by a worker's capability probe. */
  private volatile java.util.Set<String> capabilities = java.util.Set.of();

  public RedisJobQueue(FleetRedis redis, ObjectMapper json, JobEvents events, Clock clock, Settings settings) {
    this.redis = redis;
    this.cmd = redis.commands();
    this.keys = redis.keys();
    this.json = json;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.lastReclaim = new AtomicLong(System.nanoTime() - settings.reclaimAfter().toNanos());
    redis.subscribe(keys.wakeChannel(), m -> wakeUp());
    redis.subscribe(keys.eventsChannel(), this::onRemoteEvent);
    this.keeper = Thread.ofVirtual().name("fleet-claims").start(this::keepClaims);
  }

  // ---- JobQueue ----

  @Override
  public Submission submit(JobRequest r) {
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
    cmd.pexpire(keys.outputName(name), settings.finishedTtl().plus(Duration.ofDays(1)).toMillis());
    announce(job);
    redis.publish(keys.wakeChannel(), job.id());
    return new Submission(job, true);
  }

  @Override
  public Optional<Job> get(String id) {
    String record = cmd.hget(keys.job(id), "json");
    return record == null ? Optional.empty() : Optional.of(json.readValue(record, Job.class));
  }

  @Override
  public List<Job> list(Optional<JobStatus> status, int offset, int limit) {
    List<String> records = new ScriptCall.ListJobs(status.map(JobStatus::wire).orElse(""), offset, limit).run(redis);
    return records.stream().map(s -> json.readValue(s, Job.class)).toList();
  }

  @Override
  public Optional<Job> claim(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!closed) {
      new ScriptCall.Promote(clock.instant()).<Long>run(redis);
      // The streams this node can serve, highest priority first.
      java.util.Set<String> can = capabilities;
      List<String> streams = cmd.zrevrange(keys.priorities(), 0, -1).stream()
          .filter(m -> JobRequirements.canServe(FleetKeys.requirementClass(m), can)).map(keys::queueOf).toList();
      Optional<Job> job = reclaim(streams);
      for (int i = 0; job.isEmpty() && i < streams.size(); i++) job = readNew(streams.get(i));
      if (job.isPresent()) return job;
      long left = deadline - System.nanoTime();
      if (left <= 0) return Optional.empty();
      // Woken by a submit anywhere in the fleet; the bound also covers due retries and reclaims.
      synchronized (wake) {
        wake.wait(Math.max(1, Math.min(left / 1_000_000, 500)));
      }
    }
    return Optional.empty();
  }

  private Optional<Job> readNew(String stream) {
    List<StreamMessage<String, String>> got;
    try {
      got = cmd.xreadgroup(Consumer.from(FleetKeys.GROUP, redis.nodeId()), XReadArgs.Builder.count(1),
          XReadArgs.StreamOffset.lastConsumed(stream));
    } catch (io.lettuce.core.RedisCommandExecutionException e) {
      if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) return Optional.empty(); // stream trimmed away
      throw e;
    }
    for (StreamMessage<String, String> m : got) {
      Optional<Job> job = take(stream, m.getId(), m.getBody().get("job"), false);
      if (job.isPresent()) return job;
    }
    return Optional.empty();
  }

  /**
   * Takes over entries whose owners stopped renewing them (at most every half {@code reclaimAfter} per
   * node), and only once this node has itself been in unbroken contact with Redis for
   * {@code reclaimAfter}: an entry's idle time also grows while Redis is down or cut off from the whole
   * fleet, and its owner, still rendering, needs one heartbeat after the outage to renew it
   * (docs/fleet.md, "Redis outages").
   */
  private Optional<Job> reclaim(List<String> streams) {
    if (redis.contact().compareTo(settings.reclaimAfter()) < 0) return Optional.empty();
    long now = System.nanoTime();
    long last = lastReclaim.get();
    if (now - last < settings.reclaimAfter().toNanos() / 2 || !lastReclaim.compareAndSet(last, now)) return Optional.empty();
    for (String stream : streams) {
      String cursor = "0-0";
      do {
        var claimed = cmd.xautoclaim(stream, XAutoClaimArgs.Builder.xautoclaim(Consumer.from(FleetKeys.GROUP, redis.nodeId()),
            settings.reclaimAfter(), cursor).count(1));
        for (StreamMessage<String, String> m : claimed.getMessages()) {
          if (m.getBody() == null || m.getBody().get("job") == null) continue; // deleted meanwhile
          Held mine = held.get(m.getBody().get("job"));
          if (mine != null && mine.entry().equals(m.getId())) continue; // still rendering here: the claim just went unrenewed
          LOG.info(() -> "reclaiming " + m.getBody().get("job") + " from a worker that stopped heart-beating");
          Optional<Job> job = take(stream, m.getId(), m.getBody().get("job"), true);
          if (job.isPresent()) {
            lastReclaim.set(System.nanoTime() - settings.reclaimAfter().toNanos()); // there may be more: look again next time
            return job;
          }
        }
        cursor = claimed.getId();
      } while (!"0-0".equals(cursor));
      forgetDeadConsumers(stream);
    }
    return Optional.empty();
  }

  /** Keeps {@code XINFO CONSUMERS} to the live nodes: crashed workers' names go once their entries were taken over. */
  private void forgetDeadConsumers(String stream) {
    try {
      Long removed = new ScriptCall.ForgetDead(stream, settings.reclaimAfter()).run(redis);
      if (removed != null && removed > 0) LOG.fine(() -> "removed " + removed + " dead consumers from " + stream);
    } catch (io.lettuce.core.RedisCommandExecutionException e) {
      LOG.log(Level.FINE, "cannot list the consumers of " + stream, e); // the stream or group is gone: nothing to tidy
    }
  }

  /** Turns a delivered entry into a claim on its job, or discards the entry when it is stale. */
  private Optional<Job> take(String stream, String entry, String id, boolean reclaimed) {
    while (true) {
      List<io.lettuce.core.KeyValue<String, String>> h = cmd.hmget(keys.job(id), "json", "v", "entry", "class");
      String record = h.get(0).getValueOrElse(null);
      String entryOfJob = h.get(2).getValueOrElse(null);
      if (record == null || !entry.equals(entryOfJob)) {
        discard(stream, entry);
        return Optional.empty();
      }
      Job job = json.readValue(record, Job.class);
      if (job.status().terminal()) {
        discard(stream, entry);
        return Optional.empty();
      }
      Instant now = clock.instant();
      Job next;
      if (reclaimed && job.status().active() && job.attempts() >= settings.maxAttempts()) {
        next = job.ended(JobStatus.FAILED, "the worker stopped during attempt " + job.attempts() + " of " + settings.maxAttempts()
            + " (no heartbeat for " + settings.reclaimAfter().toSeconds() + " s)", now);
      } else {
        next = job.claimed(now);
      }
      Optional<Long> stored = store(job, next, h.get(1).getValue(), h.get(3).getValueOrElse(""),
          next.status().active() ? Owner.node(redis.nodeId()) : Owner.KEEP);
      if (stored.isEmpty()) return Optional.empty(); // record gone
      if (stored.get() < 0) continue; // changed meanwhile: look again
      if (!next.status().active()) {
        onGaveUp.accept(next);
        return Optional.empty();
      }
      held.put(id, new Held(stream, entry, next.attempts()));
      return Optional.of(next);
    }
  }

  private void discard(String stream, String entry) {
    cmd.xack(stream, FleetKeys.GROUP, entry);
    cmd.xdel(stream, entry);
  }

  @Override
  public Optional<Job> update(String id, UnaryOperator<Job> change) {
    while (true) {
      List<io.lettuce.core.KeyValue<String, String>> h = cmd.hmget(keys.job(id), "json", "v", "class");
      String record = h.get(0).getValueOrElse(null);
      if (record == null) return Optional.empty();
      Job current = json.readValue(record, Job.class);
      Job next = change.apply(current);
      if (next == current) return Optional.of(current);
      // The owner stays on a finished job (who rendered it) and is cleared when it is queued again.
      Optional<Long> stored = store(current, next, h.get(1).getValue(), h.get(2).getValueOrElse(""),
          next.status() == JobStatus.QUEUED ? Owner.CLEAR : Owner.KEEP);
      if (stored.isEmpty()) return Optional.empty();
      if (stored.get() >= 0) return Optional.of(next);
    }
  }

  /**
   * Compare-and-set from {@code current} (at {@code version}) to {@code next}, with the stream work
   * the transition implies on the stream of its priority and requirement class. Empty: the record is
   * gone; negative: it changed meanwhile.
   */
  private Optional<Long> store(Job current, Job next, String version, String requirements, Owner owner) {
    boolean claimEnds = !next.status().active() && (current.status().active() || next.status().terminal());
    boolean queuedAgain = next.status() == JobStatus.QUEUED && current.status() != JobStatus.QUEUED;
    Enqueue enqueue = Enqueue.NONE;
    if (queuedAgain) enqueue = next.notBefore().filter(t -> t.isAfter(clock.instant())).isPresent() ? Enqueue.LATER : Enqueue.NOW;
    String errorLine = "";
    // A retry keeps the attempt count (a hand-back by a draining worker lowers it: nothing failed).
    if (queuedAgain && next.error().isPresent() && current.status().active() && next.attempts() == current.attempts()) {
      errorLine = "attempt " + current.attempts() + ": " + next.error().get();
    } else if (next.status() == JobStatus.FAILED && current.status() != JobStatus.FAILED) {
      errorLine = "attempt " + next.attempts() + ": " + next.error().orElse("failed");
    }
    boolean dead = next.status() == JobStatus.FAILED && current.status() != JobStatus.FAILED;
    Duration ttl = next.status().terminal() ? Duration.ofSeconds(Math.max(1, settings.finishedTtl().toSeconds())) : Duration.ZERO;
    Long result = new ScriptCall.Update(next, json.writeValueAsString(next), version, requirements, owner, claimEnds, enqueue,
        errorLine, dead, ttl).run(redis);
    if (result == -2) return Optional.empty();
    if (result == -1) return Optional.of(-1L);
    if (!next.status().active()) held.remove(next.id());
    announce(next);
    if (enqueue == Enqueue.NOW) redis.publish(keys.wakeChannel(), next.id());
    return Optional.of(result);
  }

  @Override
  public void remove(String id) {
    Optional<Job> job = get(id);
    cmd.del(keys.job(id), keys.errors(id));
    cmd.zrem(keys.jobs(), id);
    cmd.zrem(keys.delayed(), id);
    job.flatMap(Job::idempotencyKey).ifPresent(k -> cmd.del(keys.idempotency(k)));
  }

  @Override
  public Stats stats() {
    List<String> statuses = new ScriptCall.Statuses().run(redis);
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    statuses.forEach(s -> counts.merge(JobStatus.parse(s), 1L, Long::sum));
    long active = counts.getOrDefault(JobStatus.RENDERING, 0L) + counts.getOrDefault(JobStatus.ENCODING, 0L)
        + counts.getOrDefault(JobStatus.UPLOADING, 0L);
    return new Stats(counts.getOrDefault(JobStatus.QUEUED, 0L), active, counts.getOrDefault(JobStatus.COMPLETED, 0L),
        counts.getOrDefault(JobStatus.FAILED, 0L), counts.getOrDefault(JobStatus.CANCELLED, 0L), statuses.size());
  }

  // ---- fleet extras ----

  /** The fleet's dead-letter stream, oldest first. */
  public List<DeadLetter> deadLetters() {
    return cmd.xrange(keys.deadLetters(), io.lettuce.core.Range.create("-", "+")).stream().map(this::deadLetter).toList();
  }

  /** A page of the dead-letter stream, newest first ({@code GET /queue/dead}). */
  public List<DeadLetter> deadLetters(int offset, int limit) {
    return cmd.xrevrange(keys.deadLetters(), io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.from(offset + limit)).stream()
        .skip(offset).map(this::deadLetter).toList();
  }

  /** How many entries the dead-letter stream holds (capped at about 10 000). */
  public long deadLetterCount() {
    return cmd.xlen(keys.deadLetters());
  }

  private DeadLetter deadLetter(StreamMessage<String, String> m) {
    Map<String, String> b = m.getBody();
    // The entry id starts with the time it was added, in milliseconds.
    Instant at = Instant.ofEpochMilli(Long.parseLong(m.getId().substring(0, m.getId().indexOf('-'))));
    return new DeadLetter(m.getId(), b.get("job"), Integer.parseInt(b.getOrDefault("attempts", "0")), b.getOrDefault("error", ""),
        errors(b.get("errors")), at);
  }

  /** A job that failed for good: its last error, one line per failed attempt, and when it failed. */
  public record DeadLetter(String entryId, String jobId, int attempts, String error, List<String> errors, Instant failedAt) {}

  private List<String> errors(String encoded) {
    if (encoded == null || !encoded.startsWith("[")) return List.of();
    List<String> out = new ArrayList<>();
    json.readTree(encoded).forEach(n -> out.add(n.asString()));
    return out;
  }

  /** Called with a job this node failed because its workers kept dying (its terminal webhook is due). */
  public void onGaveUp(java.util.function.Consumer<Job> listener) {
    this.onGaveUp = listener;
  }

  /**
   * What this node can render besides plain jobs ({@link JobRequirements#GL}, encoder names): from
   * now on it also claims (and takes over) jobs of the requirement classes these cover.
   */
  public void capabilities(java.util.Collection<String> can) {
    this.capabilities = java.util.Set.copyOf(can);
    wakeUp();
  }

  /** Stops renewing the claim on {@code id}: once it is idle for {@code reclaimAfter}, a node takes it over. */
  @Override
  public void release(String id) {
    held.remove(id);
  }

  /** Ids of the jobs this node holds claims on. */
  public java.util.Set<String> claimedHere() {
    return java.util.Set.copyOf(held.keySet());
  }

  // ---- events, wake-ups, heartbeats ----

  private void announce(Job job) {
    events.publish(job);
    redis.publish(keys.eventsChannel(), redis.nodeId() + " " + job.id());
  }

  /** Runs on Lettuce's I/O thread: only hands off. */
  private void onRemoteEvent(String message) {
    int space = message.indexOf(' ');
    if (space < 0 || message.substring(0, space).equals(redis.nodeId())) return;
    String id = message.substring(space + 1);
    if (!events.hasListeners(id)) return;
    remoteEvents.execute(() -> {
      try {
        get(id).ifPresent(events::publish);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "cannot load job " + id, e);
      }
    });
  }

  private void wakeUp() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /**
   * Every heartbeat: renew the entries of the jobs rendering here, and re-check those jobs, so a
   * cancellation or takeover whose event was missed still stops the render (the dispatcher watches
   * the job's events).
   */
  private void keepClaims() {
    while (!closed) {
      try {
        Thread.sleep(settings.heartbeat()); // a period, not synchronisation
      } catch (InterruptedException e) {
        return;
      }
      for (Map.Entry<String, Held> e : held.entrySet()) {
        try {
          Held h = e.getValue();
          Long renewed = new ScriptCall.RenewClaim(h.stream(), h.entry(), redis.nodeId()).run(redis);
          Optional<Job> job = get(e.getKey());
          boolean stillMine = renewed == 1 && job.map(j -> j.status().active() && j.attempts() == h.attempt()).orElse(false);
          if (!stillMine) {
            held.remove(e.getKey(), h);
            job.ifPresent(events::publish);
          }
        } catch (dev.smelter.video.server.queue.QueueUnavailableException ex) {
          // Redis is away (logged once by the connection): renewed at the first heartbeat after it is back.
          LOG.fine(() -> "cannot renew the claim on " + e.getKey() + ": " + ex.getMessage());
        } catch (RuntimeException ex) {
          if (!closed) LOG.log(Level.WARNING, "cannot renew the claim on " + e.getKey(), ex);
        }
      }
    }
  }

  /**
   * Stops the heartbeat. A node that holds no claims (a drained worker) also leaves the consumer
   * group, so the group lists only live consumers and those a crash left behind.
   */
  @Override
  public void close() {
    closed = true;
    keeper.interrupt();
    remoteEvents.shutdownNow();
    wakeUp();
    if (!held.isEmpty()) return; // its entries must stay pending for a takeover
    try {
      for (String member : cmd.zrange(keys.priorities(), 0, -1)) {
        String stream = keys.queueOf(member);
        // Only if nothing of ours is pending there (DELCONSUMER would drop pending entries).
        boolean mine = !cmd.xpending(stream, Consumer.from(FleetKeys.GROUP, redis.nodeId()), io.lettuce.core.Range.create("-", "+"),
            io.lettuce.core.Limit.from(1)).isEmpty();
        if (!mine) cmd.xgroupDelconsumer(stream, Consumer.from(FleetKeys.GROUP, redis.nodeId()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot leave the consumer group", e);
    }
  }
}
