package dev.smelter.video.server.fleet;

import dev.smelter.video.server.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of a fleet script with typed arguments: each record builds its script's {@code KEYS} and
 * {@code ARGV} here, in the order the script's header (in its {@code .lua} file) lists them.
 */
sealed interface ScriptCall {
  /** What a call sends: the script, its {@code KEYS} and its {@code ARGV}. */
  record Args(FleetScript script, List<String> keys, List<String> argv) {}

  Args args(FleetKeys k);

  /** Runs the call on the shared connection; the result's type is the script's output type. */
  default <T> T run(FleetRedis redis) {
    Args a = args(redis.keys());
    return a.script().run(redis.commands(), a.keys().toArray(String[]::new), a.argv().toArray(String[]::new));
  }

  /** Queues a new job ({@code submit.lua}); answers the id of the job that holds the idempotency key. */
  record Submit(Job job, String json, String requirements) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.SUBMIT,
          List.of(k.job(job.id()), k.jobs(), idempotencyOrJob(k, job), k.queue(job.priority(), requirements), k.priorities()),
          List.of(job.id(), json, Long.toString(job.createdAt().toEpochMilli()), Integer.toString(job.priority()), FleetKeys.GROUP,
              job.idempotencyKey().isPresent() ? "1" : "0", k.job(""), requirements, FleetKeys.stream(job.priority(), requirements)));
    }
  }

  /**
   * Reserves the first free one of {@code candidates} for {@code jobId} for {@code ttl}
   * ({@code reserve-name.lua}); no KEYS: the script derives the names' keys from ARGV.
   */
  record ReserveName(String jobId, Duration ttl, List<String> candidates) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      List<String> argv = new ArrayList<>(List.of(jobId, k.outputName(""), k.job(""), Long.toString(ttl.toMillis())));
      argv.addAll(candidates);
      return new Args(FleetScript.RESERVE_NAME, List.of(), argv);
    }
  }

  /** Deletes {@code key} if {@code holder} still holds it ({@code release.lua}). */
  record Release(String key, String holder) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.RELEASE, List.of(key), List.of(holder));
    }
  }

  /** Extends the lease {@code key} to {@code ttl} if {@code holder} still holds it ({@code renew-lease.lua}). */
  record RenewLease(String key, String holder, Duration ttl) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.RENEW_LEASE, List.of(key), List.of(holder, Long.toString(ttl.toMillis())));
    }
  }

  /** Whether a transition puts the job on its stream again: not, at once, or at its {@code notBefore}. */
  enum Enqueue {
    NONE(""), NOW("now"), LATER("later");

    final String wire;

    Enqueue(String wire) {
      this.wire = wire;
    }
  }

  /** What a transition does to the record's {@code owner}: keep it, clear it, or set this node. */
  record Owner(String wire) {
    static final Owner KEEP = new Owner("");
    static final Owner CLEAR = new Owner("-");

    static Owner node(String nodeId) {
      return new Owner(nodeId);
    }
  }

  /**
   * Compare-and-set of a job's record from {@code version} to {@code next}, with the stream work of
   * the transition ({@code update.lua}): ends the claim ({@code ack}), queues again, appends
   * {@code errorLine} (if not empty) to the job's error log, adds a dead letter ({@code dead}) and
   * sets the records' TTL ({@code ttl}; zero: kept). Answers the new version, -1 if the version
   * changed meanwhile, -2 if the record is gone.
   */
  record Update(Job next, String json, String version, String requirements, Owner owner, boolean ack, Enqueue enqueue,
      String errorLine, boolean dead, Duration ttl) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.UPDATE,
          List.of(k.job(next.id()), k.delayed(), k.queue(next.priority(), requirements), k.priorities(), idempotencyOrJob(k, next),
              k.errors(next.id()), k.deadLetters()),
          List.of(version, json, next.status().wire(), Long.toString(ttl.toSeconds()), ack ? "1" : "0", FleetKeys.GROUP,
              enqueue.wire, Long.toString(next.notBefore().map(Instant::toEpochMilli).orElse(0L)), next.id(),
              Integer.toString(next.priority()), owner.wire(), errorLine, dead ? "1" : "0", Integer.toString(next.attempts()),
              next.error().orElse(""), FleetKeys.stream(next.priority(), requirements)));
    }
  }

  /** Moves the retries due at {@code now} to their streams ({@code promote.lua}). */
  record Promote(Instant now) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.PROMOTE, List.of(k.delayed()),
          List.of(Long.toString(now.toEpochMilli()), k.namespace(), FleetKeys.GROUP));
    }
  }

  /** Renews {@code consumer}'s claim on {@code entry} of {@code stream}, if it still owns it ({@code renew-claim.lua}). */
  record RenewClaim(String stream, String entry, String consumer) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.RENEW_CLAIM, List.of(stream), List.of(FleetKeys.GROUP, entry, consumer));
    }
  }

  /** Removes the consumers of {@code stream} that crashed, idle for at least {@code idle} ({@code forget-dead.lua}). */
  record ForgetDead(String stream, Duration idle) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.FORGET_DEAD, List.of(stream), List.of(FleetKeys.GROUP, Long.toString(idle.toMillis()), k.worker("")));
    }
  }

  /** A page of job records, newest first, of one status (empty: any) ({@code list.lua}). */
  record ListJobs(String status, int offset, int limit) implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.LIST, List.of(k.jobs()),
          List.of(k.namespace(), status, Integer.toString(offset), Integer.toString(limit)));
    }
  }

  /** The status of every job ({@code stats.lua}). */
  record Statuses() implements ScriptCall {
    @Override
    public Args args(FleetKeys k) {
      return new Args(FleetScript.STATS, List.of(k.jobs()), List.of(k.namespace()));
    }
  }

  private static String idempotencyOrJob(FleetKeys k, Job job) {
    return job.idempotencyKey().map(k::idempotency).orElse(k.job(job.id()));
  }
}
