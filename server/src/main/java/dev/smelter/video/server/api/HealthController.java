package dev.smelter.video.server.api;

import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.storage.Storage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Probes for orchestrators (docs/service.md, "Health"). Liveness ({@code /health/live}) only says the
 * process answers HTTP: it touches nothing, so a Redis or disk outage never gets a healthy process
 * restarted. Readiness ({@code /health/ready}) says whether requests can be served now: the data
 * folder exists (recreated if it was deleted) and takes a write, and in fleet mode Redis answers a
 * {@code PING}; 503 with the reasons otherwise. {@code GET /health} keeps the legacy body.
 */
@RestController
class HealthController {
  private final Storage storage;
  private final ObjectProvider<FleetRedis> redis;

  HealthController(Storage storage, ObjectProvider<FleetRedis> redis) {
    this.storage = storage;
    this.redis = redis;
  }

  @GetMapping("/health/live")
  Map<String, Object> live() {
    return LegacyController.ordered("status", "ok");
  }

  @GetMapping("/health/ready")
  ResponseEntity<Map<String, Object>> ready() {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean ready = check(checks, "storage", storage.check());
    FleetRedis fleet = redis.getIfAvailable();
    if (fleet != null) ready &= check(checks, "redis", fleet.ping());
    return ResponseEntity.status(ready ? 200 : 503).body(LegacyController.ordered("status", ready ? "ready" : "unavailable", "checks", checks));
  }

  private static boolean check(Map<String, Object> checks, String name, Optional<String> problem) {
    checks.put(name, problem.isEmpty() ? LegacyController.ordered("status", "ok")
        : LegacyController.ordered("status", "unavailable", "error", problem.get()));
    return problem.isEmpty();
  }
}
