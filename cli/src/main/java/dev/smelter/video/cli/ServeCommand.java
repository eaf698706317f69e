package dev.smelter.video.cli;

import dev.smelter.video.server.ServerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code smelter-video serve}: the render service (legacy Editly API + job API). Options given here
 * win over the environment ({@code SERVER_PORT}, {@code SMELTER_DATA_DIR}, {@code SMELTER_SLOTS}, …)
 * and the config file; any {@code --spring.property=value} passes through.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the render service (see docs/service.md).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", description = "HTTP port (default 3001, env SERVER_PORT).") Integer port;

  @Option(names = "--host", description = "Address to listen on (default 127.0.0.1, env SERVER_ADDRESS). "
      + "A non-loopback address needs API keys unless smelter.security.allow-anonymous=true.") String host;

  @Option(names = "--data-dir", description = "Uploads, outputs, job records (default ./data, env SMELTER_DATA_DIR).") Path dataDir;

  @Option(names = "--slots", description = "Renders at a time (default: from cores and memory, env SMELTER_SLOTS).") Integer slots;

  @Option(names = "--external-url", description = "Public base URL for downloadUrl (env SMELTER_EXTERNAL_URL).") String externalUrl;

  @Option(names = "--storage", description = "Object store for fleet mode: s3://bucket[/prefix][?endpoint=URL&pathStyle=true&region=R] "
      + "or a shared folder (env SMELTER_STORAGE_URL; credentials via SMELTER_STORAGE_ACCESSKEY/SECRETKEY; see docs/storage.md).") String storage;

  @Option(names = "--config", description = "Extra config file (.properties or .yaml).") Path config;

  @Option(names = "--redis", description = "Fleet mode: the shared Redis queue, " + REDIS_URL_FORMS + " (env SMELTER_REDIS_URL; "
      + "see docs/fleet.md). Renders then run on `worker` processes, here only if --slots is given.") String redis;

  /** The --redis forms, as docs/fleet.md gives them. */
  static final String REDIS_URL_FORMS = "redis://[user:password@]host:port[/db] (a password alone: redis://:password@host:port), "
      + "rediss://… for TLS";

  /** Exit code meaning "do not exit": the server's non-daemon threads own the process now. */
  static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @Unmatched List<String> passThrough = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    if (port != null) args.addAll(List.of("--port", port.toString()));
    if (host != null) args.addAll(List.of("--host", host));
    if (dataDir != null) args.addAll(List.of("--data-dir", dataDir.toString()));
    if (slots != null) args.addAll(List.of("--slots", slots.toString()));
    if (externalUrl != null) args.addAll(List.of("--external-url", externalUrl));
    if (storage != null) args.addAll(List.of("--storage", storage));
    if (config != null) args.addAll(List.of("--config", config.toString()));
    if (redis != null) args.addAll(List.of("--redis", redis));
    args.addAll(passThrough);
    try {
      ServerApplication.start(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      return redisUnreachable("serve", e);
    }
    return KEEP_RUNNING;
  }

  /**
   * Exit code 1 and one line when the node could not connect to the fleet's Redis or cannot use its
   * data folder (read-only, no permission; Spring has printed its failure analysis already); anything
   * else is rethrown.
   */
  static int redisUnreachable(String command, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof dev.smelter.video.server.fleet.FleetRedis.Unreachable || t instanceof dev.smelter.video.server.storage.Storage.Unusable) {
        System.err.println("smelter-video " + command + ": " + t.getMessage());
        return 1;
      }
    }
    throw e;
  }
}
