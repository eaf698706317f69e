package dev.smelter.video.server.fleet;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The fleet's Lua scripts, each read once from its resource ({@code <name>.lua} next to this class)
 * and run by its SHA-1 ({@code EVALSHA}). Redis forgets its script cache when it restarts or is
 * flushed: the first call after that answers {@code NOSCRIPT} and is sent again with the source
 * ({@code EVAL}, which caches it again). A call while Redis cannot be reached throws
 * {@link dev.smelter.video.server.queue.QueueUnavailableException} like any other command on
 * {@link FleetRedis#commands()}. What each script takes is built by {@link ScriptCall}.
 */
enum FleetScript {
  SUBMIT(ScriptOutputType.VALUE),
  RESERVE_NAME(ScriptOutputType.VALUE),
  RELEASE(ScriptOutputType.INTEGER),
  RENEW_LEASE(ScriptOutputType.INTEGER),
  UPDATE(ScriptOutputType.INTEGER),
  PROMOTE(ScriptOutputType.INTEGER),
  RENEW_CLAIM(ScriptOutputType.INTEGER),
  FORGET_DEAD(ScriptOutputType.INTEGER),
  LIST(ScriptOutputType.MULTI),
  STATS(ScriptOutputType.MULTI);

  private final ScriptOutputType output;
  private final String source;
  private final String sha;

  FleetScript(ScriptOutputType output) {
    this.output = output;
    this.source = read(resource());
    this.sha = sha1(source);
  }

  /** {@code update.lua} for {@link #UPDATE}, {@code renew-claim.lua} for {@link #RENEW_CLAIM}. */
  String resource() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".lua";
  }

  String source() {
    return source;
  }

  /** The SHA-1 Redis caches the script under. */
  String sha() {
    return sha;
  }

  <T> T run(RedisCommands<String, String> cmd, String[] keys, String[] argv) {
    try {
      return cmd.evalsha(sha, output, keys, argv);
    } catch (RedisNoScriptException e) {
      return cmd.eval(source, output, keys, argv); // Redis restarted or flushed its scripts: this loads it again
    }
  }

  private static String read(String name) {
    try (InputStream in = FleetScript.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing script resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script resource " + name, e);
    }
  }

  private static String sha1(String source) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }
}
