package dev.smelter.video.server.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * In-process notifications of job changes (synchronous /edit, server-sent events, cancellation of a
 * running render). In fleet mode changes made on other nodes arrive here too, through Redis pub/sub.
 */
public final class JobEvents {
  private final Map<String, Set<Consumer<Job>>> listeners = new ConcurrentHashMap<>();

  /** Listens to one job; the returned handle stops listening. */
  public AutoCloseable subscribe(String jobId, Consumer<Job> listener) {
    listeners.computeIfAbsent(jobId, k -> new CopyOnWriteArraySet<>()).add(listener);
    return () -> listeners.computeIfPresent(jobId, (k, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }

  /** Whether anyone in this process follows the job (a fleet node fetches remote changes only then). */
  public boolean hasListeners(String jobId) {
    return listeners.containsKey(jobId);
  }

  public void publish(Job job) {
    Set<Consumer<Job>> set = listeners.get(job.id());
    if (set != null) set.forEach(l -> l.accept(job));
  }
}
