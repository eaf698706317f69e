package dev.smelter.video.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the service, bound from {@code smelter.*} (command line, environment such as
 * {@code SMELTER_SLOTS}, or a config file).
 *
 * @param dataDir where uploads, outputs, job records and job folders live
 * @param slots renders at a time; 0 = derived from cores and memory
 * @param externalUrl public base URL for {@code downloadUrl}; empty = relative URLs (v1–v2 workflows)
 * @param redis fleet mode: the shared Redis queue (empty URL = the embedded queue)
 * @param role {@code api} (HTTP API; renders locally only with the embedded queue or explicit slots)
 *     or {@code worker} (a fleet render worker without HTTP)
 * @param audioTiming clip audio of jobs that do not choose: {@code stretch} (Editly: retimed to the
 *     clip) or {@code pad} (normal speed, padded with silence), as the CLI's {@code --audio-timing}
 */
@ConfigurationProperties(prefix = "smelter")
public record ServiceProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue("0") int slots,
    @DefaultValue("") String externalUrl,
    @DefaultValue Worker worker,
    @DefaultValue Retention retention,
    @DefaultValue Encoding encoding,
    @DefaultValue Webhook webhook,
    @DefaultValue Security security,
    @DefaultValue Limits limits,
    @DefaultValue("PT45M") Duration editTimeout,
    @DefaultValue ObjectStorage storage,
    @DefaultValue Redis redis,
    @DefaultValue("api") String role,
    @DefaultValue("stretch") String audioTiming) {

  /**
   * @param timeout a render running longer than this is killed
   * @param stallTimeout a render reporting no progress for this long is killed
   * @param maxAttempts attempts per job, counting the first (crashes and timeouts are retried)
   * @param retryBackoff delay before the 2nd attempt; doubles each time
   * @param maxRetryBackoff the doubled delay never exceeds this
   * @param javaOptions extra JVM options of each worker process (e.g. -Xmx2g)
   */
  public record Worker(
      @DefaultValue("PT60M") Duration timeout,
      @DefaultValue("PT5M") Duration stallTimeout,
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("PT5S") Duration retryBackoff,
      @DefaultValue("PT5M") Duration maxRetryBackoff,
      @DefaultValue("auto") String gpu,
      @DefaultValue("0") int threads,
      @DefaultValue List<String> javaOptions) {}

  /**
   * Editly's wrapper deleted everything after 2 hours; here outputs, uploads and finished job records
   * are kept for {@code maxAge}, and the oldest outputs also go when they exceed {@code maxOutputBytes}.
   */
  public record Retention(
      @DefaultValue("PT2H") Duration maxAge,
      @DefaultValue("0") long maxOutputBytes,
      @DefaultValue("PT15M") Duration checkInterval,
      @DefaultValue("PT30M") Duration recentlyModified) {}

  /**
   * @param allowClientArgs whether a spec's {@code customOutputArgs} apply (v3–v4 behaviour) or are
   *     replaced by {@code serverArgs} (v2/v5 behaviour, the default)
   * @param serverArgs ffmpeg output arguments for every job, before the client's (which win);
   *     checked at start-up ({@link EncoderArgsCheck})
   * @param silentAudioTrack write a silent AAC track where Editly writes no audio stream (no clip
   *     or track has sound); off = Editly's behaviour
   */
  public record Encoding(
      @DefaultValue("false") boolean allowClientArgs,
      @DefaultValue List<String> serverArgs,
      @DefaultValue("false") boolean silentAudioTrack) {}

  /**
   * @param secret Standard Webhooks secret ({@code whsec_<base64>} or plain text); empty = the one
   *     generated at first start and kept in {@code <data-dir>/webhook-secret} (in Redis in fleet mode)
   * @param deadline give up delivering a webhook after this long
   * @param allowedHosts internal hosts webhooks may reach: names, {@code *.suffix}, addresses or CIDR
   *     ranges; empty = public addresses only. Link-local and metadata addresses are never allowed.
   */
  public record Webhook(
      @DefaultValue("") String secret,
      @DefaultValue("PT1S") Duration initialBackoff,
      @DefaultValue("PT1M") Duration maxBackoff,
      @DefaultValue("PT1H") Duration deadline,
      @DefaultValue("PT10S") Duration requestTimeout,
      @DefaultValue List<String> allowedHosts) {
    /** Never shows the secret (settings end up in logs and error reports). */
    @Override
    public String toString() {
      return "Webhook[secret=" + (secret.isEmpty() ? "" : "***") + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
          + ", deadline=" + deadline + ", requestTimeout=" + requestTimeout + ", allowedHosts=" + allowedHosts + "]";
    }
  }

  /**
   * @param apiKeys accepted keys ({@code X-Api-Key} or {@code Authorization: Bearer}); empty = none
   * @param allowAnonymous serve without keys even on a non-loopback address
   * @param mediaRoots folders besides the upload folder that specs may read
   * @param allowRemote whether http(s) media may be fetched (never from private addresses)
   * @param remoteHosts with {@code allowRemote}, the only hosts media may come from (exact names, or
   *     {@code *.example.com} for its subdomains); empty = any public host
   * @param allowPrivateRemote also fetch from private/loopback addresses (a trusted network only)
   * @param exposeErrors include exception details (never stack traces) in 500 answers
   */
  public record Security(
      @DefaultValue List<String> apiKeys,
      @DefaultValue("false") boolean allowAnonymous,
      @DefaultValue List<Path> mediaRoots,
      @DefaultValue("false") boolean allowRemote,
      @DefaultValue("false") boolean allowPrivateRemote,
      @DefaultValue List<String> remoteHosts,
      @DefaultValue("true") boolean exposeErrors) {}

  /**
   * What one request may ask for (docs/limits.md). The spec limits (clips to text-length) are the
   * CLI's defaults too ({@link dev.smelter.video.spec.SpecLimits#DEFAULTS}); the planner checks them
   * at intake, with the JSON path of the offending value.
   *
   * @param fps highest output frame rate
   * @param layers most layers in one clip
   * @param textLength most characters in one text layer's {@code text}
   */
  public record Limits(
      @DefaultValue("50MB") org.springframework.util.unit.DataSize body,
      @DefaultValue("500MB") org.springframework.util.unit.DataSize upload,
      @DefaultValue("500MB") org.springframework.util.unit.DataSize remoteFile,
      @DefaultValue("5m") java.time.Duration remoteFileTimeout,
      @DefaultValue("2000") int clips,
      @DefaultValue("1000000") int frames,
      @DefaultValue("4096") int width,
      @DefaultValue("4096") int height,
      @DefaultValue("14400") double durationSeconds,
      @DefaultValue("240") double fps,
      @DefaultValue("100") int layers,
      @DefaultValue("10000") int textLength) {
    /** The limits the planner checks; a value that is not positive is refused at start-up. */
    public dev.smelter.video.spec.SpecLimits spec() {
      return new dev.smelter.video.spec.SpecLimits(width, height, fps, durationSeconds, frames, clips, layers, textLength);
    }
  }

  /**
   * Where job inputs and outputs live when workers do not share the API's disk (fleet mode,
   * docs/storage.md).
   *
   * @param url empty = nowhere (files stay in the data dir); {@code s3://bucket[/prefix][?endpoint=URL&region=R&pathStyle=true]}
   *     or a shared folder ({@code /mnt/render}, {@code file:///mnt/render})
   * @param endpoint S3-compatible server (MinIO, R2, …); empty = AWS (the URL's {@code endpoint=} wins)
   * @param accessKey empty = the AWS SDK's default chain (AWS_ACCESS_KEY_ID, profile, instance role)
   * @param download how {@code /download} serves an output that is only in the store: {@code proxy}
   *     (through this service, with Range) or {@code redirect} (302 to a pre-signed URL)
   * @param presignTtl how long pre-signed URLs stay valid
   * @param presignResults whether {@code downloadUrl} in job results, webhooks and /edit answers is a pre-signed URL
   * @param keepLocalOutputs whether a worker also keeps the output in its outputs folder
   * @param cacheDir where workers (and /download) keep fetched objects; empty = {@code <data-dir>/cache}
   * @param cacheSize the cache's bound; least recently used files go first
   */
  public record ObjectStorage(
      @DefaultValue("") String url,
      @DefaultValue("") String endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("false") boolean pathStyle,
      @DefaultValue("") String accessKey,
      @DefaultValue("") String secretKey,
      @DefaultValue("proxy") Download download,
      @DefaultValue("PT1H") Duration presignTtl,
      @DefaultValue("false") boolean presignResults,
      @DefaultValue("false") boolean keepLocalOutputs,
      @DefaultValue("") String cacheDir,
      @DefaultValue("10GB") org.springframework.util.unit.DataSize cacheSize) {
    public enum Download { PROXY, REDIRECT }

    public boolean configured() {
      return !url.isBlank();
    }

    /** Never shows the secret key (settings end up in logs and error reports). */
    @Override
    public String toString() {
      return "ObjectStorage[url=" + url + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle
          + ", accessKey=" + (accessKey.isEmpty() ? "" : "***") + ", secretKey=" + (secretKey.isEmpty() ? "" : "***")
          + ", download=" + download + ", presignTtl=" + presignTtl + ", presignResults=" + presignResults
          + ", keepLocalOutputs=" + keepLocalOutputs + ", cacheDir=" + cacheDir + ", cacheSize=" + cacheSize + "]";
    }
  }

  /**
   * Fleet mode (docs/fleet.md).
   *
   * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS; empty = embedded queue
   * @param namespace prefix of every key and channel, so several fleets (or test runs) share one Redis
   * @param heartbeat how often a worker renews its registry entry and its claims on running jobs
   * @param reclaimAfter a claimed job whose worker sent no heartbeat this long is taken over (XAUTOCLAIM min-idle)
   * @param drainTimeout on SIGTERM a worker finishes its renders for up to this long, then hands the rest back
   * @param workerId this node's name in the registry and consumer group; empty = host-pid-random
   * @param probeCapabilities whether a worker probes its encoders and GL renderer for {@code GET /workers}
   * @param caCert PEM file of the CA certificates a {@code rediss://} server's certificate must chain to; empty = the JVM's trust store
   * @param outageTolerance how long a render that ended while Redis was unreachable waits for it to come back to record its
   *     result; after that the result is dropped and the job is taken over once Redis is back (docs/fleet.md, "Redis outages")
   */
  public record Redis(
      @DefaultValue("") String url,
      @DefaultValue("smelter:") String namespace,
      @DefaultValue("PT5S") Duration heartbeat,
      @DefaultValue("PT30S") Duration reclaimAfter,
      @DefaultValue("PT30S") Duration drainTimeout,
      @DefaultValue("") String workerId,
      @DefaultValue("true") boolean probeCapabilities,
      @DefaultValue("") String caCert,
      @DefaultValue("PT15M") Duration outageTolerance) {
    public boolean enabled() {
      return url != null && !url.isBlank();
    }

    public java.util.Optional<java.nio.file.Path> caCertFile() {
      return caCert == null || caCert.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of(caCert.strip()));
    }
  }

  /** This node is a fleet render worker. */
  public boolean workerRole() {
    return "worker".equals(role);
  }

  /**
   * Render slots this node runs: an API node on the Redis queue renders nothing unless slots are set
   * explicitly; otherwise {@link #effectiveSlots()}.
   */
  public int renderSlots() {
    if (redis != null && redis.enabled() && !workerRole() && slots <= 0) return 0;
    return effectiveSlots();
  }

  /** The render slots to use: the setting, else one per 2 cores and per 2 GiB of memory, at least 1. */
  public int effectiveSlots() {
    if (slots > 0) return slots;
    int byCores = Runtime.getRuntime().availableProcessors() / 2;
    long memory = physicalMemoryBytes();
    int byMemory = (int) Math.max(1, memory / (2L << 30));
    return Math.max(1, Math.min(byCores, byMemory));
  }

  private static long physicalMemoryBytes() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 4L << 30;
  }

  public Path uploadsDir() {
    return dataDir.resolve("uploads");
  }

  public Path outputsDir() {
    return dataDir.resolve("outputs");
  }

  public Path filesDir() {
    return dataDir.resolve("files");
  }

  public Path jobsDir() {
    return dataDir.resolve("jobs");
  }

  public Path workDir() {
    return dataDir.resolve("work");
  }

  /** Uploads in progress (multipart parts over the in-memory threshold). */
  public Path tmpDir() {
    return dataDir.resolve("tmp");
  }

  /** Objects fetched from the store, shared by jobs (same file system as {@link #workDir()}: jobs hard-link them). */
  public Path cacheDir() {
    return storage.cacheDir().isBlank() ? dataDir.resolve("cache") : Path.of(storage.cacheDir());
  }
}
