package dev.smelter.video.server;

import dev.smelter.video.render.RenderEngine;
import dev.smelter.video.server.fleet.FleetExternalUrl;
import dev.smelter.video.server.fleet.RedisJobQueue;
import dev.smelter.video.server.intake.AudioTimings;
import dev.smelter.video.server.intake.MediaPaths;
import dev.smelter.video.render.fetch.RemoteFetcher;
import dev.smelter.video.server.intake.SpecIntake;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.media.MediaDetailsReader;
import dev.smelter.video.server.queue.FileJobQueue;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.storage.RetentionSweeper;
import dev.smelter.video.server.storage.JobFiles;
import dev.smelter.video.server.storage.ServiceStorage;
import dev.smelter.video.server.storage.Storage;
import dev.smelter.video.server.storage.StoredFiles;
import dev.smelter.video.server.webhook.DeliveryLease;
import dev.smelter.video.server.webhook.WebhookDispatcher;
import dev.smelter.video.server.webhook.WebhookSecret;
import dev.smelter.video.server.webhook.WebhookSigner;
import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.net.HostResolver;
import java.util.Optional;
import dev.smelter.video.server.worker.RenderDispatcher;
import dev.smelter.video.server.worker.WorkerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The service's parts and how they connect. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {
  /** Job records and protocol documents; kept apart from Spring's HTTP mapper so settings cannot drift. */
  @Bean
  ObjectMapper recordMapper() {
    return JsonMapper.builder().build();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Folders, object store (fleet mode), job files: one factory shared with the fleet worker. */
  @Bean(destroyMethod = "close")
  ServiceStorage serviceStorage(ServiceProperties props, Clock clock) {
    return ServiceStorage.open(props, clock);
  }

  @Bean
  Storage storage(ServiceStorage s) {
    return s.storage();
  }

  @Bean
  StoredFiles storedFiles(ServiceStorage s) {
    return s.files();
  }

  @Bean
  JobEvents jobEvents() {
    return new JobEvents();
  }

  /** The embedded queue; fleet mode has the Redis one ({@link FleetConfiguration}). */
  @Bean
  @Conditional(FleetMode.Off.class)
  JobQueue jobQueue(ServiceProperties props, ObjectMapper recordMapper, JobEvents events, Clock clock) throws IOException {
    return new FileJobQueue(props.jobsDir(), recordMapper, events, clock, props.worker().maxAttempts());
  }

  @Bean
  @Conditional(FleetMode.Off.class)
  DeliveryLease deliveryLease() {
    return DeliveryLease.local();
  }

  /**
   * Resumes pending deliveries now; in a fleet, API nodes also look every minute for deliveries that
   * a node which died mid-delivery left behind (its lease expires).
   */
  @Bean(destroyMethod = "close")
  WebhookDispatcher webhookDispatcher(JobQueue queue, ServiceProperties props, ObjectMapper recordMapper, Clock clock,
      DeliveryLease lease, Storage storage, ObjectProvider<FleetRedis> fleet) throws IOException {
    // Always signed: with the configured secret, else the one generated at first start (docs/security.md).
    WebhookSigner signer = new WebhookSigner(WebhookSecret.resolve(props, Optional.ofNullable(fleet.getIfAvailable())));
    WebhookDispatcher d = new WebhookDispatcher(queue, props.webhook(), signer, WebhookDispatcher.guard(props.webhook(), HostResolver.system()),
        recordMapper, clock, lease);
    d.resumePending();
    if (props.redis().enabled() && !props.workerRole()) d.resumeEvery(Duration.ofMinutes(1));
    if (queue instanceof RedisJobQueue redis) {
      redis.onGaveUp(j -> {
        storage.deleteIncoming(j.spec());
        d.deliverLater(j);
      });
    }
    return d;
  }

  @Bean
  JobFiles jobFiles(ServiceStorage s) {
    return s.jobFiles();
  }

  @Bean(destroyMethod = "close")
  RenderDispatcher renderDispatcher(JobQueue queue, Storage storage, JobFiles files, ServiceProperties props,
      WebhookDispatcher webhooks, ObjectMapper recordMapper, JobEvents events, Clock clock,
      ObjectProvider<FleetExternalUrl> fleetUrl) {
    WorkerProcess.Launch launch = WorkerProcess.Launch.current(props.worker().javaOptions(), props.worker().gpu(), props.worker().threads())
        .withSilentAudioTrack(props.encoding().silentAudioTrack());
    // A fleet worker drains on SIGTERM; an API node hands its local renders back at once.
    Duration drain = props.workerRole() ? props.redis().drainTimeout() : Duration.ZERO;
    FleetExternalUrl shared = fleetUrl.getIfAvailable();
    java.util.function.UnaryOperator<String> links = shared == null ? java.util.function.UnaryOperator.identity() : shared::absolute;
    RenderDispatcher d = new RenderDispatcher(queue, storage, files, props, launch, webhooks, recordMapper, events, drain, clock, links);
    d.start(props.renderSlots());
    return d;
  }

  @Bean
  MediaPaths mediaPaths(Storage storage, ServiceProperties props) {
    return new MediaPaths(storage.uploadsDir(), storage.filesDir(), storage.outputsDir(), props.security().mediaRoots());
  }

  @Bean
  SpecIntake specIntake(ServiceProperties props, Storage storage, StoredFiles stored, MediaPaths paths, ObjectMapper recordMapper) {
    EncoderArgsCheck.verify(props.encoding().serverArgs());
    AudioTimings.setting(props.audioTiming()); // a misspelt default stops the start, not every job later
    RemoteFetcher fetcher = new RemoteFetcher(props.limits().remoteFile().toBytes(), props.security().allowPrivateRemote(),
        props.limits().remoteFileTimeout());
    return new SpecIntake(props, storage, paths, fetcher, new RenderEngine(), recordMapper, stored::restore);
  }

  @Bean
  MediaDetailsReader mediaDetailsReader() {
    return new MediaDetailsReader();
  }

  @Bean(destroyMethod = "close")
  RetentionSweeper retentionSweeper(ServiceProperties props, Storage storage, JobQueue queue, Clock clock, JobFiles files,
      StoredFiles stored) {
    RetentionSweeper s = new RetentionSweeper(props.retention(), storage, queue, clock, files, stored);
    s.start();
    return s;
  }

  /** Keys are required on a non-loopback address unless explicitly waived (smelter.security.allow-anonymous). */
  @Bean
  ApiKeyFilter apiKeyFilter(ServiceProperties props, Environment env) throws IOException {
    String address = env.getProperty("server.address", "0.0.0.0");
    if (props.workerRole()) return new ApiKeyFilter(props.security().apiKeys()); // a worker serves no HTTP
    boolean loopback = InetAddress.getByName(address).isLoopbackAddress();
    if (!loopback && props.security().apiKeys().isEmpty() && !props.security().allowAnonymous()) {
      throw new IllegalStateException("listening on " + address + " needs API keys (smelter.security.api-keys) "
          + "or smelter.security.allow-anonymous=true");
    }
    return new ApiKeyFilter(props.security().apiKeys());
  }
}
