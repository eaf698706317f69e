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
 * {@code smelter-video worker}: a fleet render worker. Pulls jobs from the fleet's Redis, renders
 * them in child processes, reports progress, publishes outputs; drains on SIGTERM. Same settings as
 * {@code serve} (environment, config file, {@code --smelter.<setting>=VALUE}).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a fleet render worker (see docs/fleet.md).")
final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--redis", description = "The fleet's Redis, " + ServeCommand.REDIS_URL_FORMS + " (env SMELTER_REDIS_URL; "
      + "a password only there stays out of process listings).") String redis;

  @Option(names = "--slots", description = "Renders at a time (default: from cores and memory, env SMELTER_SLOTS).") Integer slots;

  @Option(names = "--data-dir", description = "Job folders; the outputs folder when shared with the API node "
      + "(default ./data, env SMELTER_DATA_DIR).") Path dataDir;

  @Option(names = "--gpu", description = "auto|on|off: compose frames on the GPU (default auto, env SMELTER_WORKER_GPU).") String gpu;

  @Option(names = "--storage", description = "The fleet's object store, as given to the API nodes' serve --storage "
      + "(env SMELTER_STORAGE_URL; see docs/storage.md). Needed when this worker does not share the API's data dir.") String storage;

  @Option(names = "--config", description = "Extra config file (.properties or .yaml).") Path config;

  @Unmatched List<String> passThrough = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    if (redis != null) args.addAll(List.of("--redis", redis));
    if (slots != null) args.addAll(List.of("--slots", slots.toString()));
    if (dataDir != null) args.addAll(List.of("--data-dir", dataDir.toString()));
    if (gpu != null) args.addAll(List.of("--gpu", gpu));
    if (storage != null) args.addAll(List.of("--storage", storage));
    if (config != null) args.addAll(List.of("--config", config.toString()));
    args.addAll(passThrough);
    try {
      ServerApplication.startWorker(args.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println("smelter-video worker: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      return ServeCommand.redisUnreachable("worker", e);
    }
    return ServeCommand.KEEP_RUNNING;
  }
}
