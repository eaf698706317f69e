package dev.smelter.video.server.fleet;

/**
 * Every Redis key and channel of one fleet, under one namespace (default {@code smelter:}), so
 * several fleets or test runs share a Redis without meeting. The layout is documented in
 * docs/fleet.md.
 */
public record FleetKeys(String namespace) {
  /** The consumer group every render node reads the queue streams in. */
  public static final String GROUP = "workers";

  /**
   * Hash: {@code json} (the job record), {@code v} (version for compare-and-set), {@code status},
   * {@code priority}, {@code class} (its requirement class), {@code entry}, {@code owner}.
   */
  public String job(String id) {
    return namespace + "job:" + id;
  }

  /** Sorted set of job ids by creation time (listing). */
  public String jobs() {
    return namespace + "jobs";
  }

  /** String: idempotency key → job id. */
  public String idempotency(String key) {
    return namespace + "idem:" + key;
  }

  /** Stream of runnable jobs of one priority that any node can render. */
  public String queue(int priority) {
    return queue(priority, "");
  }

  /** Stream of runnable jobs of one priority and requirement class ({@link JobRequirements}; empty: any node). */
  public String queue(int priority, String requirementClass) {
    return queueOf(stream(priority, requirementClass));
  }

  /** A stream's member in {@link #priorities()}: {@code <priority>} or {@code <priority>:<class>}. */
  public static String stream(int priority, String requirementClass) {
    return requirementClass.isEmpty() ? Integer.toString(priority) : priority + ":" + requirementClass;
  }

  /** The stream of a {@link #priorities()} member. */
  public String queueOf(String member) {
    return namespace + "queue:" + member;
  }

  /** The requirement class of a {@link #priorities()} member (empty: any node). */
  public static String requirementClass(String member) {
    int colon = member.indexOf(':');
    return colon < 0 ? "" : member.substring(colon + 1);
  }

  /**
   * Sorted set of the queue streams that exist ({@link #stream}), scored by priority: claiming reads
   * the ones it can serve highest first.
   */
  public String priorities() {
    return namespace + "priorities";
  }

  /** Sorted set: job id → time (ms) its retry becomes due. */
  public String delayed() {
    return namespace + "delayed";
  }

  /** List: one line per failed attempt of a job. */
  public String errors(String id) {
    return namespace + "errors:" + id;
  }

  /** Stream of jobs that failed for good. */
  public String deadLetters() {
    return namespace + "dead";
  }

  /** Hash with TTL: one render worker's registration and heartbeat. */
  public String worker(String id) {
    return namespace + "worker:" + id;
  }

  /** Set of registered worker ids. */
  public String workers() {
    return namespace + "workers";
  }

  /** String: the API nodes' {@code smelter.external-url}, for workers that have none ({@link FleetExternalUrl}). */
  public String externalUrl() {
    return namespace + "external-url";
  }

  /** String with TTL: the job holding an output name ({@link dev.smelter.video.server.job.OutputNames}). */
  public String outputName(String name) {
    return namespace + "output-name:" + name;
  }

  /** String: the fleet's generated webhook signing secret (when none is configured). */
  public String webhookSecret() {
    return namespace + "webhook-secret";
  }

  /** String with TTL: who is delivering a job's terminal webhook. */
  public String webhookLease(String jobId) {
    return namespace + "webhook:" + jobId;
  }

  /** Pub/sub: {@code NODE JOB_ID} after every stored change of a job. */
  public String eventsChannel() {
    return namespace + "events";
  }

  /** Pub/sub: a job became runnable; idle claimers look at once. */
  public String wakeChannel() {
    return namespace + "wake";
  }
}
