package dev.smelter.video.server;

import dev.smelter.video.server.fleet.FleetRedis;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node that cannot connect to the fleet's Redis (wrong password, no server, an untrusted
 * certificate) fails to start with one readable paragraph instead of Spring's bean-creation stack
 * trace.
 */
final class FleetRedisFailureAnalyzer extends AbstractFailureAnalyzer<FleetRedis.Unreachable> {
  @Override
  protected FailureAnalysis analyze(Throwable root, FleetRedis.Unreachable cause) {
    return new FailureAnalysis(cause.getMessage(), "Check --redis / SMELTER_REDIS_URL (redis://[user:password@]host:port[/db], "
        + "rediss://… for TLS), that the server is reachable from here, and for rediss:// that its certificate is trusted "
        + "(the JVM's trust store or smelter.redis.ca-cert). See docs/fleet.md.", cause);
  }
}
