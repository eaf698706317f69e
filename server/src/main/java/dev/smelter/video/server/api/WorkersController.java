package dev.smelter.video.server.api;

import static dev.smelter.video.server.api.LegacyController.ordered;

import dev.smelter.video.server.fleet.WorkerRegistry;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.storage.ServiceStorage;
import dev.smelter.video.server.worker.RenderDispatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /workers}: the render workers and what each renders now. In a fleet, every registered
 * worker (plus this node if it has slots); with the embedded queue, this node's slots.
 */
@RestController
class WorkersController {
  private final RenderDispatcher dispatcher;
  private final Optional<WorkerRegistry> registry;
  private final JobQueue queue;

  private final ServiceStorage storage;

  WorkersController(RenderDispatcher dispatcher, ObjectProvider<WorkerRegistry> registry, JobQueue queue, ServiceStorage storage) {
    this.storage = storage;
    this.dispatcher = dispatcher;
    this.registry = Optional.ofNullable(registry.getIfAvailable());
    this.queue = queue;
  }

  @GetMapping("/workers")
  Map<String, Object> workers() {
    List<Map<String, Object>> out = new ArrayList<>();
    if (dispatcher.slots() > 0) {
      out.add(ordered("id", "local", "host", "local", "slots", dispatcher.slots(), "storage", storage(storage.report()),
          "jobs", jobs(dispatcher.runningJobs())));
    }
    registry.ifPresent(r -> r.list().forEach(w -> out.add(ordered(
        "id", w.id(), "host", w.host(), "pid", w.pid(), "slots", w.slots(), "gpu", w.gpu(), "encoders", w.encoders(), "gl", w.gl(),
        "version", w.version(), "startedAt", JsTime.of(w.startedAt()), "heartbeatAt", JsTime.of(w.heartbeatAt()),
        "draining", w.draining(), "storage", storage(w.storage()), "jobs", jobs(w.jobs())))));
    int slots = out.stream().mapToInt(w -> (Integer) w.get("slots")).sum();
    return ordered("workers", out, "count", out.size(), "slots", slots, "mode", registry.isPresent() ? "fleet" : "embedded");
  }

  /** {@code {mode, location, cache: {bytes, limit}}}; the cache only with an object store. Null from an older worker. */
  private static Map<String, Object> storage(ServiceStorage.Report r) {
    if (r == null) return null;
    Map<String, Object> out = ordered("mode", r.mode(), "location", r.location());
    if (r.mode().equals("object-store")) out.put("cache", ordered("bytes", r.cacheBytes(), "limit", r.cacheLimit()));
    return out;
  }

  private List<Map<String, Object>> jobs(Collection<String> ids) {
    // The registry's list is as of the last heartbeat: leave out jobs that have ended since.
    return ids.stream().sorted().map(id -> Map.entry(id, queue.get(id)))
        .filter(e -> e.getValue().map(j -> !j.status().terminal()).orElse(false)).map(e -> {
      String id = e.getKey();
      Optional<Job> j = e.getValue();
      return ordered("jobId", id, "status", j.map(x -> x.status().wire()).orElse(null),
          "progress", j.map(x -> x.progress().percent()).orElse(null), "attempts", j.map(Job::attempts).orElse(null));
    }).toList();
  }
}
