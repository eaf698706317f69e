package dev.smelter.video.server;

import dev.smelter.video.server.fleet.FleetExternalUrl;
import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.fleet.FleetWorker;
import dev.smelter.video.server.fleet.RedisDeliveryLease;
import dev.smelter.video.server.fleet.RedisJobQueue;
import dev.smelter.video.server.fleet.WorkerRegistry;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.storage.ServiceStorage;
import dev.smelter.video.server.webhook.DeliveryLease;
import dev.smelter.video.server.worker.RenderDispatcher;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Fleet mode's parts (docs/fleet.md): the Redis queue, the webhook lease, the worker registry. */
@Configuration(proxyBeanMethods = false)
@Conditional(FleetMode.class)
class FleetConfiguration {
  @Bean(destroyMethod = "close")
  FleetRedis fleetRedis(ServiceProperties props) {
    ServiceProperties.Redis r = props.redis();
    return new FleetRedis(r.url(), r.caCertFile(), r.namespace(), r.workerId());
  }

  @Bean(destroyMethod = "close")
  RedisJobQueue jobQueue(FleetRedis redis, ServiceProperties props, ObjectMapper recordMapper, JobEvents events, Clock clock) {
    ServiceProperties.Redis r = props.redis();
    return new RedisJobQueue(redis, recordMapper, events, clock,
        new RedisJobQueue.Settings(props.worker().maxAttempts(), r.reclaimAfter(), r.heartbeat(), props.retention().maxAge()));
  }

  /** API nodes publish their external URL; workers without one use it for {@code downloadUrl}. */
  @Bean
  FleetExternalUrl fleetExternalUrl(FleetRedis redis, ServiceProperties props) {
    FleetExternalUrl url = new FleetExternalUrl(redis);
    if (!props.workerRole()) url.publish(props.externalUrl());
    return url;
  }

  /** Long enough for one request and the longest pause between two. */
  @Bean
  DeliveryLease deliveryLease(FleetRedis redis, ServiceProperties props) {
    ServiceProperties.Webhook w = props.webhook();
    return new RedisDeliveryLease(redis, w.maxBackoff().plus(w.requestTimeout().multipliedBy(2)).plus(Duration.ofSeconds(10)));
  }

  @Bean(destroyMethod = "")
  WorkerRegistry workerRegistry(FleetRedis redis, ServiceProperties props, Clock clock) {
    return new WorkerRegistry(redis, clock, props.redis().heartbeat());
  }

  /** Only on a worker: registration, heartbeat and the drain on SIGTERM (before the dispatcher's own close). */
  @Bean(destroyMethod = "close")
  @Conditional(WorkerRole.class)
  FleetWorker fleetWorker(WorkerRegistry registry, RedisJobQueue queue, RenderDispatcher dispatcher, ServiceProperties props,
      ServiceStorage storage) {
    registry.storage(storage::report);
    return new FleetWorker(registry, queue, dispatcher, props.worker().gpu(), BuildInfo.version(), props.redis().probeCapabilities());
  }

  static final class WorkerRole implements org.springframework.context.annotation.Condition {
    @Override
    public boolean matches(org.springframework.context.annotation.ConditionContext context,
        org.springframework.core.type.AnnotatedTypeMetadata metadata) {
      return "worker".equals(context.getEnvironment().getProperty("smelter.role"));
    }
  }
}
