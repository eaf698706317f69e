package dev.smelter.video.server.fleet;

import dev.smelter.video.server.storage.ServiceStorage;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fleet's render workers. Each registers a hash with its capabilities and renews it (with its
 * current jobs) every heartbeat; the hash expires after three missed heartbeats, so a dead worker
 * leaves the list by itself. Its claimed jobs are taken over by the queue
 * ({@link RedisJobQueue}), independently of this list.
 */
public final class WorkerRegistry implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WorkerRegistry.class.getName());

  /**
   * What a worker can do and is doing. {@code gpu} is the setting and, once probed, the GL renderer;
   * {@code gl}: whether EGL works there (shader layers), null until probed.
   */
  public record WorkerInfo(String id, String host, long pid, int slots, String gpu, List<String> encoders, Boolean gl, String version,
      Instant startedAt, Instant heartbeatAt, List<String> jobs, boolean draining, ServiceStorage.Report storage) {}

  private final FleetRedis redis;
  private final RedisCommands<String, String> cmd;
  private final Clock clock;
  private final Duration heartbeat;
  private final Map<String, String> fields = new HashMap<>();
  private Thread beat;
  private volatile boolean closed;
  private volatile Supplier<Set<String>> jobs = Set::of;
  private volatile Supplier<ServiceStorage.Report> storage = () -> null;

  public WorkerRegistry(FleetRedis redis, Clock clock, Duration heartbeat) {
    this.redis = redis;
    this.cmd = redis.commands();
    this.clock = clock;
    this.heartbeat = heartbeat;
  }

  /** Registers this process as a worker and keeps the entry alive until {@link #close()}. */
  public synchronized void register(int slots, String gpu, String version, Supplier<Set<String>> currentJobs) {
    String host = redis.nodeId();
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      // the node id says enough
    }
    fields.put("id", redis.nodeId());
    fields.put("host", host);
    fields.put("pid", Long.toString(ProcessHandle.current().pid()));
    fields.put("slots", Integer.toString(slots));
    fields.put("gpu", gpu);
    fields.put("encoders", "");
    fields.put("version", version);
    fields.put("startedAt", clock.instant().toString());
    fields.put("draining", "false");
    this.jobs = currentJobs;
    renew();
    cmd.sadd(redis.keys().workers(), redis.nodeId());
    beat = Thread.ofVirtual().name("fleet-heartbeat").start(() -> {
      while (!closed) {
        try {
          Thread.sleep(heartbeat); // a period, not synchronisation
          renew();
        } catch (InterruptedException e) {
          return;
        } catch (dev.smelter.video.server.queue.QueueUnavailableException e) {
          LOG.fine(() -> "heartbeat failed: " + e.getMessage()); // the outage is logged once by the connection
        } catch (RuntimeException e) {
          if (!closed) LOG.log(Level.WARNING, "heartbeat failed", e);
        }
      }
    });
  }

  /** Where this worker's job files come from and how full its cache is, renewed with every heartbeat. */
  public void storage(Supplier<ServiceStorage.Report> report) {
    this.storage = report;
  }

  /** Adds what a capability probe found (it runs after start-up, not before the first claim). */
  public synchronized void capabilities(String gpu, List<String> encoders, boolean gl) {
    fields.put("gpu", gpu);
    fields.put("encoders", String.join(",", encoders));
    fields.put("gl", Boolean.toString(gl));
    if (!closed) renew();
  }

  public synchronized void draining() {
    fields.put("draining", "true");
    if (!closed) renew();
  }

  private synchronized void renew() {
    Map<String, String> now = new HashMap<>(fields);
    now.put("heartbeatAt", clock.instant().toString());
    now.put("jobs", String.join(",", jobs.get()));
    ServiceStorage.Report r = storage.get();
    if (r != null) {
      now.put("storage", r.mode());
      now.put("storageLocation", r.location());
      now.put("cacheBytes", Long.toString(r.cacheBytes()));
      now.put("cacheLimit", Long.toString(r.cacheLimit()));
    }
    String key = redis.keys().worker(redis.nodeId());
    cmd.hset(key, now);
    cmd.pexpire(key, Math.max(3000, heartbeat.toMillis() * 3));
  }

  /** Live workers, by id; entries that expired are dropped from the set. */
  public List<WorkerInfo> list() {
    List<WorkerInfo> out = new ArrayList<>();
    for (String id : cmd.smembers(redis.keys().workers()).stream().sorted().toList()) {
      Map<String, String> h = cmd.hgetall(redis.keys().worker(id));
      if (h.isEmpty()) {
        cmd.srem(redis.keys().workers(), id);
        continue;
      }
      out.add(new WorkerInfo(id, h.getOrDefault("host", ""), Long.parseLong(h.getOrDefault("pid", "0")),
          Integer.parseInt(h.getOrDefault("slots", "0")), h.getOrDefault("gpu", ""), split(h.get("encoders")),
          h.containsKey("gl") ? Boolean.valueOf(h.get("gl")) : null, h.getOrDefault("version", ""), Instant.parse(h.getOrDefault("startedAt", Instant.EPOCH.toString())),
          Instant.parse(h.getOrDefault("heartbeatAt", Instant.EPOCH.toString())), split(h.get("jobs")),
          Boolean.parseBoolean(h.get("draining")), h.containsKey("storage") ? new ServiceStorage.Report(h.get("storage"),
              h.getOrDefault("storageLocation", ""), Long.parseLong(h.getOrDefault("cacheBytes", "0")),
              Long.parseLong(h.getOrDefault("cacheLimit", "0"))) : null));
    }
    return out;
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  /** Leaves the list at once (a clean stop; a crash leaves it by expiry). */
  @Override
  public void close() {
    closed = true;
    if (beat != null) beat.interrupt();
    try {
      cmd.del(redis.keys().worker(redis.nodeId()));
      cmd.srem(redis.keys().workers(), redis.nodeId());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot unregister", e);
    }
  }
}
