package dev.smelter.video.server.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may deliver a job's terminal webhook right now. A delivery holds the lease while it tries, so
 * the node that finished a job delivers it and a node resuming pending deliveries (after a restart,
 * or a periodic sweep in a fleet) skips it; a node that dies mid-delivery lets its lease expire and
 * another node takes over. The webhook id is the same on every try, so receivers can deduplicate the
 * rare repeat after such a takeover.
 */
public interface DeliveryLease {
  /** Takes the lease for the job's delivery; false when another delivery holds it. */
  boolean acquire(String jobId);

  /** Keeps a held lease alive between attempts. */
  void renew(String jobId);

  void release(String jobId);

  /** One process: an in-memory set. */
  static DeliveryLease local() {
    Set<String> held = ConcurrentHashMap.newKeySet();
    return new DeliveryLease() {
      @Override
      public boolean acquire(String jobId) {
        return held.add(jobId);
      }

      @Override
      public void renew(String jobId) {}

      @Override
      public void release(String jobId) {
        held.remove(jobId);
      }
    };
  }
}
