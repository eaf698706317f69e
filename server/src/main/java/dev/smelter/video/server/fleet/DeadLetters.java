package dev.smelter.video.server.fleet;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the fleet's dead-letter stream: one entry per job that failed for good, added (capped at
 * about 10 000) by the compare-and-set that failed it ({@code update.lua}).
 */
final class DeadLetters {
  private final RedisCommands<String, String> cmd;
  private final FleetKeys keys;
  private final ObjectMapper json;

  DeadLetters(FleetRedis redis, ObjectMapper json) {
    this.cmd = redis.commands();
    this.keys = redis.keys();
    this.json = json;
  }

  /** Oldest first. */
  List<DeadLetter> all() {
    return cmd.xrange(keys.deadLetters(), Range.create("-", "+")).stream().map(this::deadLetter).toList();
  }

  /** A page, newest first. */
  List<DeadLetter> page(int offset, int limit) {
    return cmd.xrevrange(keys.deadLetters(), Range.create("-", "+"), Limit.from(offset + limit)).stream()
        .skip(offset).map(this::deadLetter).toList();
  }

  long count() {
    return cmd.xlen(keys.deadLetters());
  }

  private DeadLetter deadLetter(StreamMessage<String, String> m) {
    Map<String, String> b = m.getBody();
    // The entry id starts with the time it was added, in milliseconds.
    Instant at = Instant.ofEpochMilli(Long.parseLong(m.getId().substring(0, m.getId().indexOf('-'))));
    return new DeadLetter(m.getId(), b.get("job"), Integer.parseInt(b.getOrDefault("attempts", "0")), b.getOrDefault("error", ""),
        errors(b.get("errors")), at);
  }

  private List<String> errors(String encoded) {
    if (encoded == null || !encoded.startsWith("[")) return List.of();
    List<String> out = new ArrayList<>();
    json.readTree(encoded).forEach(n -> out.add(n.asString()));
    return out;
  }
}
