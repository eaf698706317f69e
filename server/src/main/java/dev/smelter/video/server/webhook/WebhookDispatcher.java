package dev.smelter.video.server.webhook;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.Callback;
import dev.smelter.video.server.job.Delivery;
import dev.smelter.video.server.job.DeliveryAttempt;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.net.AllowedHosts;
import dev.smelter.video.server.net.HostResolver;
import dev.smelter.video.server.net.TargetGuard;
import dev.smelter.video.server.net.UrlRedaction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a job's terminal event exactly once to its callback URL (used as given, query included),
 * retrying with capped exponential backoff within a total deadline, and records every attempt on the
 * job. Progress events, when asked for, go to a separate URL and are fire-and-forget.
 *
 * <p>Every request is signed (Standard Webhooks) and goes only where the {@link TargetGuard} allows,
 * checked again at each attempt because DNS answers change; the receiver's answer is recorded as its
 * status only (its body is read no further than {@link WebhookHttp} allows, and never stored).
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  /** The setting that lets webhooks reach internal hosts. */
  public static final String ALLOWED_HOSTS = "smelter.webhook.allowed-hosts";

  private final JobQueue queue;
  private final ServiceProperties.Webhook config;
  private final WebhookSigner signer;
  private final TargetGuard guard;
  private final ObjectMapper json;
  private final Clock clock;
  private final WebhookHttp http = new WebhookHttp();
  private final DeliveryLease lease;
  private volatile java.util.concurrent.ScheduledExecutorService sweeper;
  /** Deliveries running now: {@link #close()} lets their current attempt finish (a draining worker's last results). */
  private final java.util.Set<Thread> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  /** One process, the system resolver: for tools and tests. */
  public WebhookDispatcher(JobQueue queue, ServiceProperties.Webhook config, String secret, ObjectMapper json, Clock clock) {
    this(queue, config, new WebhookSigner(secret), guard(config, HostResolver.system()), json, clock, DeliveryLease.local());
  }

  public WebhookDispatcher(JobQueue queue, ServiceProperties.Webhook config, WebhookSigner signer, TargetGuard guard, ObjectMapper json,
      Clock clock, DeliveryLease lease) {
    this.lease = lease;
    this.queue = queue;
    this.config = config;
    this.signer = signer;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
  }

  /** Where webhooks may go under {@code config}: public addresses, and internal ones its allow-list names. */
  public static TargetGuard guard(ServiceProperties.Webhook config, HostResolver resolver) {
    return new TargetGuard(AllowedHosts.parse(config.allowedHosts(), ALLOWED_HOSTS), resolver, ALLOWED_HOSTS);
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
      Attempt a = attempt(cb, messageId, body);
      int status = a.status();
      String outcome = a.outcome();
      RetryDecision decision = a.decision();
      boolean timeLeft = clock.instant().plus(backoff).isBefore(deadline);
      Delivery.State next = switch (decision) {
        case DELIVERED -> Delivery.State.DELIVERED;
        case STOP -> Delivery.State.GAVE_UP;
        case RETRY -> timeLeft ? Delivery.State.PENDING : Delivery.State.GAVE_UP;
      };
      DeliveryAttempt attempt = new DeliveryAttempt(clock.instant(), UrlRedaction.redact(cb.url()), status, outcome);
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

  private record Attempt(int status, RetryDecision decision, String outcome) {}

  /** One POST; what is recorded of it is the status and a short reason, never the receiver's text. */
  private Attempt attempt(Callback cb, String messageId, String body) {
    URI uri;
    try {
      uri = URI.create(cb.url());
    } catch (IllegalArgumentException e) {
      return new Attempt(0, RetryDecision.STOP, "refused: not a valid URL");
    }
    try {
      InetAddress address = guard.check(uri); // again at every attempt: the name may resolve elsewhere by now
      WebhookHttp.Answer answer = http.post(uri, address, headers(cb, uri, messageId, body), body.getBytes(StandardCharsets.UTF_8),
          config.requestTimeout());
      RetryDecision d = RetryDecision.of(answer.status(), answer.bodyStart());
      String why = answer.status() == 409 && d == RetryDecision.RETRY ? " (running already)"
          : answer.status() >= 300 && answer.status() < 400 ? " (redirects are not followed)" : "";
      return new Attempt(answer.status(), d, d.name().toLowerCase(java.util.Locale.ROOT) + ": HTTP " + answer.status() + why);
    } catch (TargetGuard.RefusedException e) {
      LOG.log(Level.WARNING, "webhook to {0} refused: {1}", new Object[] {UrlRedaction.redact(cb.url()), e.getMessage()});
      return new Attempt(0, RetryDecision.STOP, "refused: " + e.getMessage());
    } catch (UnknownHostException e) {
      return new Attempt(0, RetryDecision.RETRY, "retry: unknown host " + uri.getHost());
    } catch (IOException e) {
      return new Attempt(0, RetryDecision.RETRY, "retry: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private Map<String, String> headers(Callback cb, URI uri, String messageId, String body) {
    long ts = clock.instant().getEpochSecond();
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.put("Content-Type", "application/json");
    h.put("User-Agent", "smelter-video");
    // URL credentials (user:pw@) become Basic auth, as browsers and curl send them; explicit basicAuth wins.
    Optional<Callback.BasicAuth> basic = cb.basicAuth().or(() -> Optional.ofNullable(uri.getRawUserInfo()).map(WebhookDispatcher::userInfo));
    basic.ifPresent(a -> h.put("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((a.user() + ":" + a.password()).getBytes(StandardCharsets.UTF_8))));
    cb.headers().forEach((k, v) -> {
      if (!Callback.reserved(k)) h.put(k, v); // refused at intake; a record from before that rule cannot override them either
    });
    h.put("webhook-id", messageId);
    h.put("webhook-timestamp", Long.toString(ts));
    h.put("webhook-signature", signer.sign(messageId, ts, body));
    return h;
  }

  private static Callback.BasicAuth userInfo(String raw) {
    int colon = raw.indexOf(':');
    String user = colon < 0 ? raw : raw.substring(0, colon);
    String password = colon < 0 ? "" : raw.substring(colon + 1);
    return new Callback.BasicAuth(URLDecoder.decode(user, StandardCharsets.UTF_8), URLDecoder.decode(password, StandardCharsets.UTF_8));
  }

  /** Progress to the job's separate progress URL: best effort, one try, never blocks the render. */
  public void progress(Job job) {
    job.progressUrl().ifPresent(url -> Thread.ofVirtual().start(() -> {
      ObjectNode o = json.createObjectNode();
      o.put("jobId", job.id()).put("status", job.status().wire()).put("progress", job.progress().percent());
      o.set("metadata", job.metadata().orElse(null));
      String body = json.writeValueAsString(o);
      String id = "msg_" + UUID.randomUUID();
      Attempt a = attempt(new Callback(url, job.callback().map(Callback::headers).orElse(Map.of()), Optional.empty()), id, body);
      if (a.status() == 0) LOG.log(Level.FINE, "progress webhook of {0}: {1}", new Object[] {job.id(), a.outcome()});
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

}
