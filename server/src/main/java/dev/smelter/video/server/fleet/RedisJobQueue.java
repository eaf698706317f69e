package dev.smelter.video.server.fleet;

import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.job.OutputNames;
import dev.smelter.video.server.job.Progress;
import dev.smelter.video.server.queue.JobQueue;
import io.lettuce.core.Consumer;
import io.lettuce.core.ScriptOutputType;
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
 * Every change is announced on the events channel, so any API node can serve SSE and {@code /edit},
 * and the node rendering a job learns of its cancellation.
 */
public final class RedisJobQueue implements JobQueue, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RedisJobQueue.class.getName());

  /** How the queue behaves; {@code finishedTtl} is how long finished job records are kept. */
  public record Settings(int maxAttempts, Duration reclaimAfter, Duration heartbeat, Duration finishedTtl) {}

  /** A claim this node holds: the stream entry it must keep renewing, and the attempt it runs. */
  private record Held(String stream, String entry, int attempt) {}

  private static final String SUBMIT = """
      if ARGV[6] == '1' then
        local existing = redis.call('GET', KEYS[3])
        if existing and redis.call('EXISTS', ARGV[7] .. existing) == 1 then return existing end
        redis.call('SET', KEYS[3], ARGV[1])
      end
      redis.call('HSET', KEYS[1], 'json', ARGV[2], 'v', 1, 'status', 'queued', 'priority', ARGV[4], 'class', ARGV[8])
      redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
      redis.call('ZADD', KEYS[5], ARGV[4], ARGV[9])
      redis.pcall('XGROUP', 'CREATE', KEYS[4], ARGV[5], '0', 'MKSTREAM')
      redis.call('HSET', KEYS[1], 'entry', redis.call('XADD', KEYS[4], '*', 'job', ARGV[1]))
      return ARGV[1]
      """;

  private static final String RELEASE_NAME = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """;

  /**
   * Reserves the first output name no unfinished job holds (OutputNames): a name is held while its
   * holder's record says it is unfinished, or has no record yet (being submitted right now).
   * ARGV: job id, name key prefix, job key prefix, ttl ms, candidates….
   */
  private static final String RESERVE_NAME = """
      for i = 5, #ARGV do
        local key = ARGV[2] .. ARGV[i]
        local holder = redis.call('GET', key)
        local busy = false
        if holder and holder ~= ARGV[1] then
          local st = redis.call('HGET', ARGV[3] .. holder, 'status')
          busy = (not st) or (st ~= 'completed' and st ~= 'failed' and st ~= 'cancelled')
        end
        if not busy then
          redis.call('SET', key, ARGV[1], 'PX', ARGV[4])
          return ARGV[i]
        end
      end
      return ARGV[#ARGV]
      """;

  /** How long a name reservation lives before its job's record exists (a node dying in between frees it soon). */
  private static final Duration RESERVING = Duration.ofMinutes(1);

  /**
   * Compare-and-set of a job record with the stream work of its transition.
   * KEYS: job, delayed, queue stream (of the job's priority and class), priorities, idempotency (or
   * job), errors, dead letters.
   * ARGV: expected version, json, status, ttl s, ack?, group, enqueue (''|now|later), due ms, id,
   * priority, owner (''=keep, '-'=clear), error line, dead?, attempts, error, stream member.
   */
  private static final String UPDATE = """
      local v = redis.call('HGET', KEYS[1], 'v')
      if not v then return -2 end
      if v ~= ARGV[1] then return -1 end
      local nv = tonumber(v) + 1
      redis.call('HSET', KEYS[1], 'json', ARGV[2], 'status', ARGV[3], 'v', nv)
      if ARGV[11] == '-' then redis.call('HDEL', KEYS[1], 'owner')
      elseif ARGV[11] ~= '' then redis.call('HSET', KEYS[1], 'owner', ARGV[11]) end
      if ARGV[5] == '1' then
        local entry = redis.call('HGET', KEYS[1], 'entry')
        if entry then
          redis.call('XACK', KEYS[3], ARGV[6], entry)
          redis.call('XDEL', KEYS[3], entry)
          redis.call('HDEL', KEYS[1], 'entry')
        end
        redis.call('ZREM', KEYS[2], ARGV[9])
      end
      if ARGV[7] == 'now' then
        redis.call('ZADD', KEYS[4], ARGV[10], ARGV[16])
        redis.pcall('XGROUP', 'CREATE', KEYS[3], ARGV[6], '0', 'MKSTREAM')
        redis.call('HSET', KEYS[1], 'entry', redis.call('XADD', KEYS[3], '*', 'job', ARGV[9]))
      elseif ARGV[7] == 'later' then
        redis.call('ZADD', KEYS[2], ARGV[8], ARGV[9])
      end
      if ARGV[12] ~= '' then redis.call('RPUSH', KEYS[6], ARGV[12]) end
      if ARGV[13] == '1' then
        redis.call('XADD', KEYS[7], 'MAXLEN', '~', 10000, '*', 'job', ARGV[9], 'attempts', ARGV[14], 'error', ARGV[15],
          'errors', cjson.encode(redis.call('LRANGE', KEYS[6], 0, -1)))
      end
      local ttl = tonumber(ARGV[4])
      for _, k in ipairs({KEYS[1], KEYS[5], KEYS[6]}) do
        if ttl > 0 then redis.call('EXPIRE', k, ttl) else redis.call('PERSIST', k) end
      end
      return nv
      """;

  /** Moves due retries from the schedule to their stream. ARGV: now ms, namespace, group. */
  private static final String PROMOTE = """
      local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 50)
      for _, id in ipairs(due) do
        redis.call('ZREM', KEYS[1], id)
        local key = ARGV[2] .. 'job:' .. id
        if redis.call('HGET', key, 'status') == 'queued' then
          local p = redis.call('HGET', key, 'priority')
          local c = redis.call('HGET', key, 'class')
          local member = p
          if c and c ~= '' then member = p .. ':' .. c end
          local stream = ARGV[2] .. 'queue:' .. member
          redis.call('ZADD', ARGV[2] .. 'priorities', p, member)
          redis.pcall('XGROUP', 'CREATE', stream, ARGV[3], '0', 'MKSTREAM')
          redis.call('HSET', key, 'entry', redis.call('XADD', stream, '*', 'job', id))
        end
      end
      return #due
      """;

  /** Renews a claim only while this node still owns the entry. ARGV: group, entry, consumer. */
  private static final String RENEW = """
      local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
      if #p == 0 or p[1][2] ~= ARGV[3] then return 0 end
      redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
      return 1
      """;

  /**
   * Removes consumers that crashed: nothing pending (their entries were taken over), idle for
   * {@code reclaimAfter}, and no registry entry (it expired). Atomic, so no read can slip in between
   * the check and the removal; a live API node with slots (not in the registry) that gets removed is
   * added again by its next read. ARGV: group, min idle ms, worker key prefix. Returns how many went.
   */
  private static final String FORGET_DEAD = """
      local removed = 0
      for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
        local f = {}
        for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
        if f['pending'] == 0 and f['idle'] >= tonumber(ARGV[2]) and redis.call('EXISTS', ARGV[3] .. f['name']) == 0 then
          redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], f['name'])
          removed = removed + 1
        end
      end
      return removed
      """;

  /** Job records newest first, filtered by status, dropping ids whose record expired. ARGV: namespace, status, offset, limit. */
  private static final String LIST = """
      local ids = redis.call('ZREVRANGE', KEYS[1], 0, -1)
      local out, skipped = {}, 0
      local offset, limit = tonumber(ARGV[3]), tonumber(ARGV[4])
      for _, id in ipairs(ids) do
        local h = redis.call('HMGET', ARGV[1] .. 'job:' .. id, 'status', 'json')
        if not h[1] then redis.call('ZREM', KEYS[1], id)
        elseif ARGV[2] == '' or h[1] == ARGV[2] then
          if skipped < offset then skipped = skipped + 1
          elseif #out < limit then out[#out + 1] = h[2] end
        end
      end
      return out
      """;

  private static final String STATS = """
      local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
      local out = {}
      for _, id in ipairs(ids) do
        local s = redis.call('HGET', ARGV[1] .. 'job:' .. id, 'status')
        if s then out[#out + 1] = s else redis.call('ZREM', KEYS[1], id) end
      end
      return out
      """;

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
    List<String> names = new ArrayList<>(List.of(jobId, keys.outputName(""), keys.job(""), Long.toString(RESERVING.toMillis())));
    names.addAll(OutputNames.candidates(r.outputFilename(), jobId));
    String name = cmd.eval(RESERVE_NAME, ScriptOutputType.VALUE, new String[0], names.toArray(String[]::new));
    Job job = new Job(jobId, JobStatus.QUEUED, r.priority(), r.idempotencyKey(), r.spec(),
        name, r.callback(), r.progressUrl(), r.metadata(), Progress.NONE, 0, now, now, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Delivery.NONE);
    String idem = r.idempotencyKey().map(keys::idempotency).orElse(keys.job(job.id()));
    String requirements = JobRequirements.of(r.spec());
    String id = cmd.eval(SUBMIT, ScriptOutputType.VALUE,
        new String[] {keys.job(job.id()), keys.jobs(), idem, keys.queue(job.priority(), requirements), keys.priorities()},
        job.id(), json.writeValueAsString(job), Long.toString(now.toEpochMilli()), Integer.toString(job.priority()), FleetKeys.GROUP,
        r.idempotencyKey().isPresent() ? "1" : "0", keys.job(""), requirements, FleetKeys.stream(job.priority(), requirements));
    if (!id.equals(job.id())) {
      cmd.eval(RELEASE_NAME, ScriptOutputType.INTEGER, new String[] {keys.outputName(name)}, job.id()); // not ours after all
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
    List<String> records = cmd.eval(LIST, ScriptOutputType.MULTI, new String[] {keys.jobs()}, keys.namespace(),
        status.map(JobStatus::wire).orElse(""), Integer.toString(offset), Integer.toString(limit));
    return records.stream().map(s -> json.readValue(s, Job.class)).toList();
  }

  @Override
  public Optional<Job> claim(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!closed) {
      cmd.eval(PROMOTE, ScriptOutputType.INTEGER, new String[] {keys.delayed()}, Long.toString(clock.millis()), keys.namespace(),
          FleetKeys.GROUP);
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
      Long removed = cmd.eval(FORGET_DEAD, ScriptOutputType.INTEGER, new String[] {stream}, FleetKeys.GROUP,
          Long.toString(settings.reclaimAfter().toMillis()), keys.worker(""));
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
      Optional<Long> stored = store(job, next, h.get(1).getValue(), h.get(3).getValueOrElse(""), next.status().active() ? redis.nodeId() : "");
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
          next.status() == JobStatus.QUEUED ? "-" : "");
      if (stored.isEmpty()) return Optional.empty();
      if (stored.get() >= 0) return Optional.of(next);
    }
  }

  /**
   * Compare-and-set from {@code current} (at {@code version}) to {@code next}, with the stream work
   * the transition implies on the stream of its priority and requirement class. Empty: the record is
   * gone; negative: it changed meanwhile.
   */
  private Optional<Long> store(Job current, Job next, String version, String requirements, String owner) {
    boolean claimEnds = !next.status().active() && (current.status().active() || next.status().terminal());
    boolean queuedAgain = next.status() == JobStatus.QUEUED && current.status() != JobStatus.QUEUED;
    String enqueue = "";
    if (queuedAgain) enqueue = next.notBefore().filter(t -> t.isAfter(clock.instant())).isPresent() ? "later" : "now";
    String errorLine = "";
    // A retry keeps the attempt count (a hand-back by a draining worker lowers it: nothing failed).
    if (queuedAgain && next.error().isPresent() && current.status().active() && next.attempts() == current.attempts()) {
      errorLine = "attempt " + current.attempts() + ": " + next.error().get();
    } else if (next.status() == JobStatus.FAILED && current.status() != JobStatus.FAILED) {
      errorLine = "attempt " + next.attempts() + ": " + next.error().orElse("failed");
    }
    boolean dead = next.status() == JobStatus.FAILED && current.status() != JobStatus.FAILED;
    long ttl = next.status().terminal() ? Math.max(1, settings.finishedTtl().toSeconds()) : 0;
    String idem = next.idempotencyKey().map(keys::idempotency).orElse(keys.job(next.id()));
    Long result = cmd.eval(UPDATE, ScriptOutputType.INTEGER,
        new String[] {keys.job(next.id()), keys.delayed(), keys.queue(next.priority(), requirements), keys.priorities(), idem,
            keys.errors(next.id()), keys.deadLetters()},
        version, json.writeValueAsString(next), next.status().wire(), Long.toString(ttl), claimEnds ? "1" : "0", FleetKeys.GROUP,
        enqueue, Long.toString(next.notBefore().map(Instant::toEpochMilli).orElse(0L)), next.id(), Integer.toString(next.priority()),
        owner, errorLine, dead ? "1" : "0", Integer.toString(next.attempts()), next.error().orElse(""),
        FleetKeys.stream(next.priority(), requirements));
    if (result == -2) return Optional.empty();
    if (result == -1) return Optional.of(-1L);
    if (!next.status().active()) held.remove(next.id());
    announce(next);
    if (enqueue.equals("now")) redis.publish(keys.wakeChannel(), next.id());
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
    List<String> statuses = cmd.eval(STATS, ScriptOutputType.MULTI, new String[] {keys.jobs()}, keys.namespace());
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
          Long renewed = cmd.eval(RENEW, ScriptOutputType.INTEGER, new String[] {h.stream()}, FleetKeys.GROUP, h.entry(), redis.nodeId());
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
