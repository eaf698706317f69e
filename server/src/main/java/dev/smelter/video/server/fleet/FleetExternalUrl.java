package dev.smelter.video.server.fleet;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fleet's public base URL for {@code downloadUrl}. A remote worker does not know where clients
 * reach the API nodes, so API nodes with {@code smelter.external-url} publish it in Redis
 * ({@code <ns>external-url}), and a worker whose own setting is empty makes its relative
 * {@code /download/<name>} links absolute with it.
 */
public final class FleetExternalUrl {
  private static final Logger LOG = Logger.getLogger(FleetExternalUrl.class.getName());

  private final FleetRedis redis;

  public FleetExternalUrl(FleetRedis redis) {
    this.redis = redis;
  }

  /** An API node's start-up: the last one started wins (all should have the same setting). */
  public void publish(String externalUrl) {
    String base = trimmed(externalUrl);
    if (!base.isEmpty()) redis.commands().set(redis.keys().externalUrl(), base);
  }

  /** {@code url} as it is when absolute, else prefixed with the published base (if any). */
  public String absolute(String url) {
    if (!url.startsWith("/")) return url;
    try {
      String base = redis.commands().get(redis.keys().externalUrl());
      return base == null || base.isBlank() ? url : trimmed(base) + url;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the fleet's external URL; the download URL stays relative", e);
      return url;
    }
  }

  private static String trimmed(String url) {
    String s = url.strip();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
