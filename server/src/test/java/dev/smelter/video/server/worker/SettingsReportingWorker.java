package dev.smelter.video.server.worker;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for {@link WorkerMain} (JvmSettingsTest): writes the options it was started with
 * ({@code option:...}) and its {@code MALLOC_*} environment ({@code env:NAME=value}) to stderr, which
 * WorkerProcess sends to worker.log, and renders nothing.
 */
public final class SettingsReportingWorker {
  private SettingsReportingWorker() {}

  public static void main(String[] args) {
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) System.err.println("option:" + option);
    Map<String, String> env = new TreeMap<>(System.getenv());
    env.forEach((k, v) -> {
      if (k.startsWith("MALLOC_")) System.err.println("env:" + k + "=" + v);
    });
  }
}
