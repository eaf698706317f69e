package dev.smelter.video.server.fleet;

import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.ObjectMapper;

/**
 * The fleet queue on Redis Streams. A job is a hash (its record as JSON plus a version for
 * compare-and-set); a runnable job is an entry in the stream of its priority and requirement class
 * ({@link JobRequirements}), read by the consumer group {@link FleetKeys#GROUP}. Three parts, one
 * responsibility each:
 *
 * <ul>
 *   <li>{@link JobRecords}: the records and their compare-and-set, which also does the stream work
 *       of each transition ({@code XACK}+{@code XDEL} when a claim ends, {@code XADD} or the retry
 *       schedule when the job is queued again, the error log and the dead-letter stream when it fails
 *       for good, and the record's TTL once it is finished);
 *   <li>{@link StreamClaims}: claiming ({@code XREADGROUP}, highest priority first), taking over the
 *       entries of nodes that stopped heart-beating ({@code XAUTOCLAIM}) and renewing this node's own;
 *   <li>{@link DeadLetters}: reading the dead-letter stream.
 * </ul>
 * The scripts are {@code .lua} resources ({@link FleetScript}) called with typed arguments
 * ({@link ScriptCall}). Every change is announced on the events channel, so any API node can serve
 * SSE and {@code /edit}, and the node rendering a job learns of its cancellation.
 */
public final class RedisJobQueue implements JobQueue, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RedisJobQueue.class.getName());

  /** How the queue behaves; {@code finishedTtl} is how long finished job records are kept. */
  public record Settings(int maxAttempts, Duration reclaimAfter, Duration heartbeat, Duration finishedTtl) {}

  private final FleetRedis redis;
  private final JobEvents events;
  private final JobRecords records;
  private final StreamClaims claims;
  private final DeadLetters deadLetters;
  private final ExecutorService remoteEvents = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("fleet-events").factory());

  public RedisJobQueue(FleetRedis redis, ObjectMapper json, JobEvents events, Clock clock, Settings settings) {
    this.redis = redis;
    this.events = events;
    this.records = new JobRecords(redis, json, events, clock, settings.finishedTtl(), this::stored);
    this.claims = new StreamClaims(redis, records, events, clock, settings);
    this.deadLetters = new DeadLetters(redis, json);
    redis.subscribe(redis.keys().wakeChannel(), m -> claims.wakeUp());
    redis.subscribe(redis.keys().eventsChannel(), this::onRemoteEvent);
  }

  /** A job no longer active needs no claim renewed. */
  private void stored(Job job) {
    if (!job.status().active()) claims.release(job.id());
  }

  // ---- JobQueue ----

  @Override
  public Submission submit(JobRequest r) {
    return records.submit(r);
  }

  @Override
  public Optional<Job> get(String id) {
    return records.get(id);
  }

  @Override
  public List<Job> list(Optional<JobStatus> status, int offset, int limit) {
    return records.list(status, offset, limit);
  }

  @Override
  public Optional<Job> claim(Duration wait) throws InterruptedException {
    return claims.claim(wait);
  }

  @Override
  public Optional<Job> update(String id, UnaryOperator<Job> change) {
    return records.update(id, change);
  }

  @Override
  public void remove(String id) {
    records.remove(id);
  }

  @Override
  public Stats stats() {
    return records.stats();
  }

  /** Stops renewing the claim on {@code id}: once it is idle for {@code reclaimAfter}, a node takes it over. */
  @Override
  public void release(String id) {
    claims.release(id);
  }

  // ---- fleet extras ----

  /** The fleet's dead-letter stream, oldest first. */
  public List<DeadLetter> deadLetters() {
    return deadLetters.all();
  }

  /** A page of the dead-letter stream, newest first ({@code GET /queue/dead}). */
  public List<DeadLetter> deadLetters(int offset, int limit) {
    return deadLetters.page(offset, limit);
  }

  /** How many entries the dead-letter stream holds (capped at about 10 000). */
  public long deadLetterCount() {
    return deadLetters.count();
  }

  /** Called with a job this node failed because its workers kept dying (its terminal webhook is due). */
  public void onGaveUp(Consumer<Job> listener) {
    claims.onGaveUp(listener);
  }

  /**
   * What this node can render besides plain jobs ({@link JobRequirements#GL}, encoder names): from
   * now on it also claims (and takes over) jobs of the requirement classes these cover.
   */
  public void capabilities(Collection<String> can) {
    claims.capabilities(can);
  }

  /** Ids of the jobs this node holds claims on. */
  public Set<String> claimedHere() {
    return claims.claimedHere();
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

  /** Stops the heartbeat and the event hand-off; a node holding no claims leaves the consumer group ({@link StreamClaims#close}). */
  @Override
  public void close() {
    remoteEvents.shutdownNow();
    claims.close();
  }
}
