package dev.smelter.video.server.fleet;

import dev.smelter.video.server.fleet.ScriptCall.Owner;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.QueueUnavailableException;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's claims on the queue streams: reading new entries ({@code XREADGROUP}) of the streams
 * its capabilities cover, highest priority first; taking over entries of nodes that stopped
 * heart-beating ({@code XAUTOCLAIM} after {@code reclaimAfter}); renewing its own entries every
 * heartbeat ({@code XCLAIM … JUSTID}) while their renders run; and leaving the consumer group when
 * it closes with nothing pending. Turning an entry into a claim is a compare-and-set on the job's
 * record ({@link JobRecords#store}).
 */
final class StreamClaims implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StreamClaims.class.getName());

  /** A claim this node holds: the stream entry it must keep renewing, and the attempt it runs. */
  private record Held(String stream, String entry, int attempt) {}

  private final FleetRedis redis;
  private final RedisCommands<String, String> cmd;
  private final FleetKeys keys;
  private final JobRecords records;
  private final JobEvents events;
  private final Clock clock;
  private final RedisJobQueue.Settings settings;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Object wake = new Object();
  private final Thread keeper;
  private final AtomicLong lastReclaim;
  private volatile boolean closed;
  private volatile java.util.function.Consumer<Job> onGaveUp = j -> {};
  /** What this node can render besides plain jobs ({@link JobRequirements}): set by a worker's capability probe. */
  private volatile Set<String> capabilities = Set.of();

  StreamClaims(FleetRedis redis, JobRecords records, JobEvents events, Clock clock, RedisJobQueue.Settings settings) {
    this.redis = redis;
    this.cmd = redis.commands();
    this.keys = redis.keys();
    this.records = records;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.lastReclaim = new AtomicLong(System.nanoTime() - settings.reclaimAfter().toNanos());
    this.keeper = Thread.ofVirtual().name("fleet-claims").start(this::keepClaims);
  }

  Optional<Job> claim(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!closed) {
      new ScriptCall.Promote(clock.instant()).<Long>run(redis);
      // The streams this node can serve, highest priority first.
      Set<String> can = capabilities;
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
    } catch (RedisCommandExecutionException e) {
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
    } catch (RedisCommandExecutionException e) {
      LOG.log(Level.FINE, "cannot list the consumers of " + stream, e); // the stream or group is gone: nothing to tidy
    }
  }

  /**
   * Turns a delivered entry into a claim on its job, or discards the entry when it is stale. A
   * taken-over job that already used all its attempts (its workers kept dying) fails into the
   * dead-letter stream instead of running again.
   */
  private Optional<Job> take(String stream, String entry, String id, boolean reclaimed) {
    while (true) {
      Optional<JobRecords.Versioned> read = records.read(id);
      if (read.isEmpty() || !read.get().entry().equals(Optional.of(entry))) {
        discard(stream, entry);
        return Optional.empty();
      }
      Job job = read.get().job();
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
      Optional<Long> stored = records.store(read.get(), next, next.status().active() ? Owner.node(redis.nodeId()) : Owner.KEEP);
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

  void onGaveUp(java.util.function.Consumer<Job> listener) {
    this.onGaveUp = listener;
  }

  void capabilities(Collection<String> can) {
    this.capabilities = Set.copyOf(can);
    wakeUp();
  }

  /** Stops renewing the claim on {@code id}: once it is idle for {@code reclaimAfter}, a node takes it over. */
  void release(String id) {
    held.remove(id);
  }

  Set<String> claimedHere() {
    return Set.copyOf(held.keySet());
  }

  /** A job became runnable somewhere in the fleet (or this node can serve more): idle claimers look at once. */
  void wakeUp() {
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
          Optional<Job> job = records.get(e.getKey());
          boolean stillMine = renewed == 1 && job.map(j -> j.status().active() && j.attempts() == h.attempt()).orElse(false);
          if (!stillMine) {
            held.remove(e.getKey(), h);
            job.ifPresent(events::publish);
          }
        } catch (QueueUnavailableException ex) {
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
    wakeUp();
    if (!held.isEmpty()) return; // its entries must stay pending for a takeover
    try {
      for (String member : cmd.zrange(keys.priorities(), 0, -1)) {
        String stream = keys.queueOf(member);
        // Only if nothing of ours is pending there (DELCONSUMER would drop pending entries).
        boolean mine = !cmd.xpending(stream, Consumer.from(FleetKeys.GROUP, redis.nodeId()), Range.create("-", "+"), Limit.from(1))
            .isEmpty();
        if (!mine) cmd.xgroupDelconsumer(stream, Consumer.from(FleetKeys.GROUP, redis.nodeId()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot leave the consumer group", e);
    }
  }
}
