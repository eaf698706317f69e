package dev.smelter.video.server.worker;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.intake.AudioTimings;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobResult;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.job.Progress;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.queue.JobQueue.Transition;
import dev.smelter.video.server.queue.QueueUnavailableException;
import dev.smelter.video.server.storage.JobFiles;
import dev.smelter.video.server.storage.Storage;
import dev.smelter.video.server.webhook.WebhookDispatcher;
import dev.smelter.video.spec.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs queued jobs in worker processes, {@code slots} at a time. Each slot is a loop that claims a
 * job, renders it in a child JVM, publishes the output and records the outcome; a failure that may
 * pass (crash, timeout) goes back to the queue with exponential backoff until the attempts run out.
 *
 * <p>A claim is identified by the job's attempt number: every change this dispatcher makes to a job
 * is conditional on the job still being in that attempt and active. In a fleet, a job whose worker
 * missed its heartbeats is taken over by another worker (one more attempt), so a slow stale worker
 * can neither overwrite the new run's state nor record a second result; it notices the change (job
 * events, also from other nodes) and kills its render, as it does when the job is cancelled.
 *
 * <p>When the queue cannot be reached (the fleet's Redis is down), a render goes on; its progress is
 * dropped, and the steps that record its outcome are retried with a bounded backoff until the queue is
 * back or {@code smelter.redis.outage-tolerance} has passed ({@link #whenReachable}).
 *
 * <p>The node that ends a job (completed, failed, cancelled) also deletes the remote media fetched
 * for it at intake ({@code work/incoming-*}): a retry still needs it, a finished job does not.
 */
public final class RenderDispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RenderDispatcher.class.getName());

  private final JobQueue queue;
  private final Storage storage;
  private final JobFiles files;
  private final ServiceProperties props;
  private final WorkerProcess.Launch launch;
  private final WebhookDispatcher webhooks;
  private final ObjectMapper json;
  private final JobEvents events;
  private final Duration drainTimeout;
  private final Clock clock;
  private final java.util.function.UnaryOperator<String> links;
  private final Duration outageTolerance;
  private final Map<String, WorkerProcess> running = new ConcurrentHashMap<>();
  private final List<Thread> slots = new ArrayList<>();
  private volatile boolean stopping;
  private volatile boolean handingBack;
  private boolean closed;

  /**
   * @param drainTimeout on {@link #close()}, how long running renders may still finish before they
   *     are stopped and their jobs handed back to the queue
   * @param links turns {@link Storage#downloadUrl} into the URL recorded in the result (a fleet
   *     worker without an external URL makes it absolute with the API nodes' one)
   */
  public RenderDispatcher(JobQueue queue, Storage storage, JobFiles files, ServiceProperties props,
      WorkerProcess.Launch launch, WebhookDispatcher webhooks, ObjectMapper json, JobEvents events, Duration drainTimeout,
      Clock clock, java.util.function.UnaryOperator<String> links) {
    this.links = links;
    this.outageTolerance = props.redis() == null ? Duration.ofMinutes(15) : props.redis().outageTolerance();
    this.events = events;
    this.drainTimeout = drainTimeout;
    this.queue = queue;
    this.storage = storage;
    this.files = files;
    this.props = props;
    this.launch = launch;
    this.webhooks = webhooks;
    this.json = json;
    this.clock = clock;
  }

  public void start(int count) {
    for (int i = 0; i < count; i++) slots.add(Thread.ofVirtual().name("render-slot-" + i).start(this::loop));
  }

  public int slots() {
    return slots.size();
  }

  /** Ids of the jobs rendering here now. */
  public java.util.Set<String> runningJobs() {
    return java.util.Set.copyOf(running.keySet());
  }

  /** Cancels a job: a queued one never runs, a running one has its worker killed. */
  public Optional<Job> cancel(String id) {
    // The change reaches the node rendering the job as a job event, which stops its render.
    Optional<Transition> job =
        queue.transition(id, j -> j.status().terminal() ? j : j.ended(JobStatus.CANCELLED, "cancelled", clock.instant()));
    WorkerProcess worker = running.get(id);
    if (worker != null) worker.cancel();
    job.flatMap(Transition::applied).filter(j -> j.status() == JobStatus.CANCELLED).ifPresent(this::settle);
    return job.map(Transition::after);
  }

  /** A job this node moved to a terminal state: its staged inputs go and its webhook is due. */
  private void settle(Job ended) {
    storage.deleteIncoming(ended.spec());
    webhooks.deliverLater(ended);
  }

  private void loop() {
    while (!stopping) {
      try {
        Optional<Job> job = queue.claim(Duration.ofSeconds(1));
        if (job.isPresent() && stopping) handBack(job.get()); // claimed while the drain began
        else if (job.isPresent()) runTracked(job.get());
      } catch (InterruptedException e) {
        return;
      } catch (QueueUnavailableException e) {
        // Logged once per outage by the connection; claiming resumes when the queue is back.
        LOG.fine(() -> "cannot claim: " + e.getMessage());
        try {
          Thread.sleep(1000); // pacing the next try
        } catch (InterruptedException stop) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "render slot error", e);
        try {
          Thread.sleep(1000); // pacing: a queue that is down (Redis unreachable) is not retried in a tight loop
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Whether {@code j} is still the claim {@code claimed} made: same attempt, still active. */
  private static boolean mine(Job claimed, Job j) {
    return j.attempts() == claimed.attempts() && j.status().active();
  }

  /** A {@link JobQueue#transition} that applies only while the job is still the claim {@code claimed} made ({@link #mine}). */
  private Optional<Transition> transitionMine(Job claimed, UnaryOperator<Job> change) {
    return queue.transition(claimed.id(), j -> mine(claimed, j) ? change.apply(j) : j);
  }

  private void handBack(Job job) {
    try {
      whenReachable(job, () -> transitionMine(job, j -> j.handedBack(clock.instant())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs a step that records a job's outcome, retrying it while the queue cannot be reached: 0.1 s,
   * doubled up to 2 s between tries, for at most {@code smelter.redis.outage-tolerance}. Giving up
   * lets go of the claim ({@link JobQueue#release}), so the job is taken over once the queue is back.
   */
  private <T> T whenReachable(Job job, java.util.function.Supplier<T> step) throws InterruptedException {
    long deadline = System.nanoTime() + outageTolerance.toNanos();
    long pause = 100;
    boolean waited = false;
    while (true) {
      try {
        T result = step.get();
        if (waited) LOG.info(() -> "the queue is reachable again: recorded the outcome of job " + job.id() + " (attempt " + job.attempts() + ")");
        return result;
      } catch (QueueUnavailableException e) {
        if (System.nanoTime() + pause * 1_000_000 > deadline) {
          LOG.warning("giving up the outcome of job " + job.id() + " (attempt " + job.attempts() + "): the queue stayed unreachable for "
              + outageTolerance.toSeconds() + " s (smelter.redis.outage-tolerance); the job runs again once it is back");
          queue.release(job.id());
          throw e;
        }
        if (!waited) LOG.info(() -> "job " + job.id() + " ended while the queue is unreachable: its outcome is recorded when it is back");
        waited = true;
        Thread.sleep(pause); // backoff between tries, bounded by the outage tolerance
        pause = Math.min(2000, pause * 2);
      }
    }
  }

  /** Runs a job; until its outcome is recorded it counts as running (a drain waits for that). */
  private void runTracked(Job job) throws InterruptedException {
    WorkerProcess worker = new WorkerProcess(launch);
    running.put(job.id(), worker);
    try {
      run(job, worker);
    } catch (QueueUnavailableException e) {
      storage.deleteJobDir(job.id()); // given up (whenReachable): the next attempt renders again
    } finally {
      running.remove(job.id());
      synchronized (running) {
        running.notifyAll();
      }
    }
  }

  private void run(Job job, WorkerProcess worker) throws InterruptedException {
    Path jobDir = storage.jobDir(job.id());
    // Per attempt: fleet workers sharing a data folder share the job folder, and a stale attempt that
    // has not yet noticed the takeover must not write over the file the current one renders.
    Path rendered = jobDir.resolve("render-" + job.attempts() + "." + extension(job.outputFilename()));
    Path specFile = jobDir.resolve("spec-" + job.attempts() + ".json");
    AudioPlan.Timing timing;
    try {
      storage.ensureLayout(); // the data folder may have been deleted under the running service
      Files.createDirectories(jobDir);
      ObjectNode spec = (ObjectNode) files.fetchInputs(job.id(), job.spec(), jobDir).deepCopy();
      spec.put("outPath", rendered.toString());
      // Not an Editly key: the worker gets it on its command line (jobs stored before it existed stretch).
      JsonNode t = spec.remove(AudioTimings.SPEC_KEY);
      timing = t != null && t.isString() ? AudioTimings.parse(t.asString()).orElse(AudioPlan.Timing.STRETCH) : AudioPlan.Timing.STRETCH;
      Files.write(specFile, json.writeValueAsBytes(spec));
    } catch (IOException | RuntimeException e) {
      finish(job, JobStatus.FAILED, "cannot prepare the job folder: " + e.getMessage());
      return;
    }
    WorkerOutcome outcome;
    AutoCloseable watch = events.subscribe(job.id(), j -> {
      if (!mine(job, j)) worker.cancel(); // cancelled, or taken over by another worker
    });
    try {
      // A change that raced the claim must still stop this run.
      try {
        if (queue.get(job.id()).map(j -> !mine(job, j)).orElse(true)) worker.cancel();
      } catch (QueueUnavailableException e) {
        // Unknown for now: the render goes on, and whether it is still this attempt's is checked when its outcome is recorded.
      }
      outcome = worker.run(specFile, jobDir, Optional.of(rendered), seedOf(job.id()), timing, props.worker().timeout(), props.worker().stallTimeout(), p -> {
        try {
          progress(job, p);
        } catch (QueueUnavailableException e) {
          LOG.fine(() -> "progress of " + job.id() + " dropped: " + e.getMessage()); // the outage is logged once by the connection
        } catch (RuntimeException e) {
          // Progress is best effort: a queue that is briefly unreachable must not stop reading the render's output.
          LOG.log(Level.WARNING, "cannot record progress of " + job.id(), e);
        }
      });
    } finally {
      close(watch);
    }
    switch (outcome) {
      case WorkerOutcome.Rendered r -> publish(job, rendered, r.result());
      case WorkerOutcome.Rejected r -> finish(job, JobStatus.FAILED,
          r.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
      case WorkerOutcome.Failed f when f.retryable() && job.attempts() < props.worker().maxAttempts() -> {
        Duration backoff = retryDelay(props.worker().retryBackoff(), props.worker().maxRetryBackoff(), job.attempts());
        Instant now = clock.instant();
        whenReachable(job, () -> transitionMine(job, j -> j.requeued(Optional.of(now.plus(backoff)), Optional.of(f.message()), now)));
      }
      case WorkerOutcome.Failed f -> finish(job, JobStatus.FAILED, f.message());
      case WorkerOutcome.Cancelled c when handingBack -> handBack(job);
      case WorkerOutcome.Cancelled c -> { /* recorded by whoever cancelled or took over the job */ }
    }
  }

  private static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void progress(Job claimed, WorkerProtocol.ProgressLine p) {
    double percent = p.totalFrames() == 0 ? 0 : Math.min(99.0, 100.0 * p.framesDone() / p.totalFrames());
    Progress next = new Progress(Math.round(percent * 10) / 10.0, p.framesDone(), p.totalFrames(), p.fps(), p.eta());
    Instant now = clock.instant();
    Optional<Transition> moved = transitionMine(claimed, j -> {
      Job withProgress = j.withProgress(next, now);
      // Frames are all composed: what is left is flushing the encoder and the audio tail.
      return p.framesDone() >= p.totalFrames() && j.status() == JobStatus.RENDERING ? withProgress.withStatus(JobStatus.ENCODING, now)
          : withProgress;
    });
    // Progress webhooks (separate URL, best effort): on each status change and every 10 %.
    moved.filter(t -> t.before() != null && t.applied().isPresent())
        .filter(t -> t.after().status() != t.before().status()
            || (int) (t.after().progress().percent() / 10) != (int) (t.before().progress().percent() / 10))
        .map(Transition::after).ifPresent(webhooks::progress);
  }

  private void publish(Job job, Path rendered, WorkerProtocol.ResultLine r) throws InterruptedException {
    Instant now = clock.instant();
    Optional<Job> uploading =
        whenReachable(job, () -> transitionMine(job, j -> j.withStatus(JobStatus.UPLOADING, now))).map(Transition::after);
    if (uploading.isEmpty() || uploading.get().status() != JobStatus.UPLOADING || !mine(job, uploading.get())) return;
    try {
      storage.ensureLayout();
      files.publishOutput(job.outputFilename(), rendered);
    } catch (IOException | RuntimeException e) {
      finish(job, JobStatus.FAILED, "cannot store the output: " + e.getMessage());
      return;
    }
    JobResult result = new JobResult(job.outputFilename(), links.apply(storage.downloadUrl(job.outputFilename())), r.duration(), r.sizeBytes(),
        r.frames(), r.encoder(), r.wallMillis() / 1000.0, r.warnings());
    // Conditional: exactly one attempt records the result (and sends the webhook).
    whenReachable(job, () -> transitionMine(job, j -> j.status() == JobStatus.UPLOADING ? j.completed(result, clock.instant()) : j))
        .flatMap(Transition::applied).filter(j -> j.status() == JobStatus.COMPLETED).ifPresent(this::settle);
    storage.deleteJobDir(job.id());
  }

  private void finish(Job claimed, JobStatus status, String message) throws InterruptedException {
    whenReachable(claimed, () -> transitionMine(claimed, j -> j.ended(status, message, clock.instant())))
        .flatMap(Transition::applied).filter(j -> j.status() == status).ifPresent(this::settle);
  }

  /** Waits (bounded) until no render runs here. */
  private void awaitIdle(long deadlineNanos) {
    synchronized (running) {
      while (!running.isEmpty()) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) return;
        try {
          running.wait(Math.max(1, Math.min(200, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Before attempt {@code failedAttempts + 1}: {@code base} doubled per earlier retry, at most {@code max}. */
  static Duration retryDelay(Duration base, Duration max, int failedAttempts) {
    int doublings = Math.max(0, failedAttempts - 1);
    // compared before multiplying: 2^doublings × base would overflow long before the cap stops mattering
    if (doublings >= 62 || base.compareTo(max.dividedBy(1L << Math.min(doublings, 62))) > 0) return max;
    return base.multipliedBy(1L << doublings);
  }

  /** Random transitions and colours are drawn from the job id: every attempt renders the same video. */
  static long seedOf(String jobId) {
    return java.util.UUID.nameUUIDFromBytes(jobId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMostSignificantBits() & Long.MAX_VALUE;
  }

  private static String extension(String filename) {
    int dot = filename.lastIndexOf('.');
    String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return ext.equals("gif") ? "gif" : "mp4";
  }

  /**
   * Drains: no new claims; running renders get up to the drain timeout to finish, then they are
   * stopped and their jobs handed back to the queue (the attempt does not count).
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    stopping = true;
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    if (!running.isEmpty() && !drainTimeout.isZero()) LOG.info(() -> "draining: waiting for " + running.keySet());
    awaitIdle(deadline);
    handingBack = true;
    running.values().forEach(WorkerProcess::cancel);
    awaitIdle(System.nanoTime() + Duration.ofSeconds(15).toNanos());
    slots.forEach(Thread::interrupt);
    for (Thread t : slots) {
      try {
        t.join(Duration.ofSeconds(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
