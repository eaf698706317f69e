package dev.smelter.video.server.webhook;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.Callback;
import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.DeliveryAttempt;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.queue.JobQueue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a job's terminal event exactly once to its callback URL (used as given, query included),
 * retrying with capped exponential backoff within a total deadline, and records every attempt on the
 * job. Progress events, when asked for, go to a separate URL and are fire-and-forget.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  private final JobQueue queue;
  private final ServiceProperties.Webhook config;
  private final Optional<WebhookSigner> signer;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpClient http;
  private final DeliveryLease lease;
  private volatile java.util.concurrent.ScheduledExecutorService sweeper;
  /** Deliveries running now: {@link #close()} lets their current attempt finish (a draining worker's last results). */
  private final java.util.Set<Thread> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  public WebhookDispatcher(JobQueue queue, ServiceProperties.Webhook config, ObjectMapper json, Clock clock) {
    this(queue, config, json, clock, DeliveryLease.local());
  }

  public WebhookDispatcher(JobQueue queue, ServiceProperties.Webhook config, ObjectMapper json, Clock clock, DeliveryLease lease) {
    this.lease = lease;
    this.queue = queue;
    this.config = config;
    this.signer = config.secret().isEmpty() ? Optional.empty() : Optional.of(new WebhookSigner(config.secret()));
    this.json = json;
    this.clock = clock;
    // HTTP/1.1 only: the JDK's default h2c upgrade request makes Node servers (n8n) never answer.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Delivers in the background; returns at once. */
  public void deliverLater(Job job) {
    if (job.callback().isEmpty() || job.delivery().state() != Delivery.State.PENDING) return;
    if (!lease.acquire(job.id())) return; // being delivered elsewhere
    Thread t = Thread.ofVirtual().name("webhook-" + job.id()).unstarted(() -> {
      try {
        deliver(job.id());
      } finally {
        lease.release(job.id());
        inFlight.remove(Thread.currentThread());
      }
    });
    inFlight.add(t);
    t.start();
  }

  /** The terminal event body: {@code {jobId, status, downloadUrl, duration, size, error?, metadata}}. */
  public String body(Job job) {
    ObjectNode o = json.createObjectNode();
    o.put("jobId", job.id());
    o.put("status", job.status().wire());
    job.result().ifPresentOrElse(r -> {
      o.put("downloadUrl", r.downloadUrl());
      o.put("duration", r.duration());
      o.put("size", r.size());
    }, () -> {
      o.putNull("downloadUrl");
      o.putNull("duration");
      o.putNull("size");
    });
    job.error().ifPresent(e -> o.put("error", e));
    o.set("metadata", job.metadata().orElse(null));
    return json.writeValueAsString(o);
  }

  private void deliver(String jobId) {
    Optional<Job> loaded = queue.get(jobId);
    // Re-read under the lease: another node may have finished the delivery meanwhile.
    if (loaded.isEmpty() || loaded.get().callback().isEmpty() || loaded.get().delivery().state() != Delivery.State.PENDING) return;
    Job job = loaded.get();
    Callback cb = job.callback().get();
    String body = body(job);
    // One id for every attempt: receivers deduplicate on it.
    String messageId = "msg_" + UUID.nameUUIDFromBytes((job.id() + "/" + job.status().wire()).getBytes(StandardCharsets.UTF_8));
    Instant deadline = clock.instant().plus(config.deadline());
    Duration backoff = config.initialBackoff();
    while (true) {
      int status = 0;
      String outcome;
      RetryDecision decision;
      try {
        HttpResponse<String> r = http.send(request(cb, messageId, body), HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        decision = RetryDecision.of(status, r.body());
        outcome = decision.name().toLowerCase(java.util.Locale.ROOT) + ": " + abbreviate(r.body());
      } catch (IOException e) {
        decision = RetryDecision.RETRY;
        outcome = "retry: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // still PENDING: resumed after the next start
      }
      boolean timeLeft = clock.instant().plus(backoff).isBefore(deadline);
      Delivery.State next = switch (decision) {
        case DELIVERED -> Delivery.State.DELIVERED;
        case STOP -> Delivery.State.GAVE_UP;
        case RETRY -> timeLeft ? Delivery.State.PENDING : Delivery.State.GAVE_UP;
      };
      DeliveryAttempt attempt = new DeliveryAttempt(clock.instant(), cb.url(), status, outcome);
      queue.update(jobId, j -> j.withDelivery(j.delivery().with(attempt, next), clock.instant()));
      // Stopping: the retries are left to another node (API nodes resume pending deliveries).
      if (next != Delivery.State.PENDING || closing) return;
      lease.renew(jobId);
      try {
        Thread.sleep(backoff); // pacing between attempts, not synchronisation
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
    }
  }

  private HttpRequest request(Callback cb, String messageId, String body) {
    long ts = clock.instant().getEpochSecond();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cb.url())).timeout(config.requestTimeout())
        .header("Content-Type", "application/json").header("User-Agent", "smelter-video")
        .header("webhook-id", messageId).header("webhook-timestamp", Long.toString(ts))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    signer.ifPresent(s -> b.header("webhook-signature", s.sign(messageId, ts, body)));
    cb.basicAuth().ifPresent(a -> b.header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((a.user() + ":" + a.password()).getBytes(StandardCharsets.UTF_8))));
    cb.headers().forEach((k, v) -> {
      if (Callback.reserved(k)) return; // refused at intake; a record from before that rule cannot override them either
      try {
        b.setHeader(k, v);
      } catch (IllegalArgumentException restricted) {
        LOG.log(Level.FINE, "callback header {0} cannot be set", k);
      }
    });
    return b.build();
  }

  /** Progress to the job's separate progress URL: best effort, one try, never blocks the render. */
  public void progress(Job job) {
    job.progressUrl().ifPresent(url -> Thread.ofVirtual().start(() -> {
      ObjectNode o = json.createObjectNode();
      o.put("jobId", job.id()).put("status", job.status().wire()).put("progress", job.progress().percent());
      o.set("metadata", job.metadata().orElse(null));
      String body = json.writeValueAsString(o);
      String id = "msg_" + UUID.randomUUID();
      try {
        http.send(request(new Callback(url, job.callback().map(Callback::headers).orElse(java.util.Map.of()), Optional.empty()), id, body),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        LOG.log(Level.FINE, "progress webhook failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  /** After a restart: finish deliveries that were still pending. */
  public void resumePending() {
    queue.list(Optional.empty(), 0, Integer.MAX_VALUE).stream()
        .filter(j -> j.status().terminal() && j.delivery().state() == Delivery.State.PENDING).forEach(this::deliverLater);
  }

  /** Resumes pending deliveries every {@code period} (a fleet node that died mid-delivery leaves them behind). */
  public synchronized void resumeEvery(Duration period) {
    if (sweeper != null) return;
    sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("webhook-sweep").factory());
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        resumePending();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot resume pending webhooks", e);
      }
    }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Stops resuming deliveries and lets the running ones finish their current attempt (bounded by the
   * request timeout), so a node that stops (a worker draining on SIGTERM) still sends the webhooks
   * of the jobs it just finished; what is left pending is resumed by the next start or another node.
   */
  @Override
  public void close() {
    closing = true;
    if (sweeper != null) sweeper.shutdownNow();
    long deadline = System.nanoTime() + config.requestTimeout().plusSeconds(1).toNanos();
    try {
      for (Thread t : java.util.List.copyOf(inFlight)) {
        long left = deadline - System.nanoTime();
        if (left > 0) t.join(Duration.ofNanos(left));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inFlight.forEach(Thread::interrupt); // sleeping before a retry: stays pending
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
