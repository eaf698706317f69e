package dev.smelter.video.server.fleet;

import dev.smelter.video.render.Capabilities;
import dev.smelter.video.server.worker.RenderDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * A fleet render worker's life: register (capabilities, slots, version) and heart-beat, render what
 * the queue hands out (jobs needing GL or a named encoder once the probe found them here), and on SIGTERM drain: stop claiming, let running renders finish for up to the
 * drain timeout, hand the rest back, then leave the registry.
 */
public final class FleetWorker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FleetWorker.class.getName());

  private final WorkerRegistry registry;
  private final RenderDispatcher dispatcher;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  public FleetWorker(WorkerRegistry registry, RedisJobQueue queue, RenderDispatcher dispatcher, String gpu, String version, boolean probe) {
    this.registry = registry;
    this.dispatcher = dispatcher;
    registry.register(dispatcher.slots(), gpu, version, dispatcher::runningJobs);
    if (probe) Thread.ofVirtual().name("capability-probe").start(() -> probe(gpu, queue));
    // Slot threads are virtual (daemon): this keeps the JVM up until the worker is stopped.
    Thread keepAlive = new Thread(() -> {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "fleet-worker");
    keepAlive.setDaemon(false);
    keepAlive.start();
  }

  /**
   * Which encoders open here and whether (and with what renderer) an EGL context opens: reported in
   * the registry, and from then on the queue also hands this worker the jobs that need them.
   */
  private void probe(String gpu, RedisJobQueue queue) {
    try {
      List<String> encoders = Capabilities.probeEncoders().stream().filter(Capabilities.Encoder::available).map(Capabilities.Encoder::name).toList();
      Optional<String> gl = Capabilities.probeGl(); // shader layers need it whatever --gpu says
      String renderer = gpu.equals("off") ? "off" : gl
          .map(r -> gpu + " (" + (Capabilities.isSoftware(r) ? "software: " : "") + r + ")").orElse(gpu + " (no GL)");
      registry.capabilities(renderer, encoders, gl.isPresent());
      List<String> can = new ArrayList<>(encoders);
      if (gl.isPresent()) can.add(JobRequirements.GL);
      queue.capabilities(can);
    } catch (RuntimeException | LinkageError e) {
      LOG.warning("capability probe failed: " + e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    registry.draining();
    dispatcher.close();
    registry.close();
    stopped.countDown();
  }
}
