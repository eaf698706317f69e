package dev.smelter.video.server.api;

import dev.smelter.video.render.Capabilities;
import dev.smelter.video.server.fleet.WorkerRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Whether frames are really composed on a GPU, for {@code /info}'s {@code useGpu}: the worker setting
 * alone says nothing (an {@code auto} host without a GPU composes on the CPU, and Skia-GL over Mesa's
 * llvmpipe is software too). Renders here use the GL renderer EGL opens on this host; fleet workers
 * report theirs in the registry.
 */
final class GpuStatus {
  /** The EGL renderer of this host, probed once (a context is opened and closed); empty = no EGL. */
  private static volatile Optional<Optional<String>> local = Optional.empty();

  private GpuStatus() {}

  static Optional<String> localRenderer(String setting) {
    if (setting.equalsIgnoreCase("off")) return Optional.empty(); // never probed: an operator who turned GL off gets no native GL in this JVM
    Optional<Optional<String>> known = local;
    if (known.isPresent()) return known.get();
    synchronized (GpuStatus.class) {
      if (local.isEmpty()) local = Optional.of(Capabilities.probeGl());
      return local.get();
    }
  }

  /** {@code gpu off} composes on the CPU; otherwise a GPU only when EGL opens one that is not a software rasteriser. */
  static boolean composesOnGpu(String setting, Optional<String> renderer) {
    return !setting.equalsIgnoreCase("off") && renderer.isPresent() && !Capabilities.isSoftware(renderer.get());
  }

  /**
   * A fleet worker's {@code gpu} reads {@code "<setting> (<renderer>)"}, with {@code software: } before a
   * software rasteriser, {@code (no GL)} without EGL, and just the setting until it has probed.
   */
  static boolean anyWorkerOnGpu(List<WorkerRegistry.WorkerInfo> workers) {
    return workers.stream().anyMatch(w -> Boolean.TRUE.equals(w.gl()) && w.gpu() != null && !w.gpu().startsWith("off")
        && w.gpu().contains(" (") && !w.gpu().contains("(software: ") && !w.gpu().contains("(no GL)"));
  }
}
