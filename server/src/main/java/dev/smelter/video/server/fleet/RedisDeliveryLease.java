package dev.smelter.video.server.fleet;

import dev.smelter.video.server.webhook.DeliveryLease;
import io.lettuce.core.SetArgs;
import java.time.Duration;

/**
 * The webhook lease in Redis: {@code SET NX PX}, renewed between attempts and released only by its
 * holder, so exactly one node of the fleet delivers a job's terminal webhook at a time and a dead
 * node's delivery is taken over once its lease expires.
 */
public final class RedisDeliveryLease implements DeliveryLease {
  private final FleetRedis redis;
  private final Duration ttl;

  /** {@code ttl} must cover one attempt plus the longest pause between attempts. */
  public RedisDeliveryLease(FleetRedis redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  @Override
  public boolean acquire(String jobId) {
    return "OK".equals(redis.commands().set(redis.keys().webhookLease(jobId), redis.nodeId(), SetArgs.Builder.nx().px(ttl.toMillis())));
  }

  @Override
  public void renew(String jobId) {
    new ScriptCall.RenewLease(redis.keys().webhookLease(jobId), redis.nodeId(), ttl).<Long>run(redis);
  }

  @Override
  public void release(String jobId) {
    new ScriptCall.Release(redis.keys().webhookLease(jobId), redis.nodeId()).<Long>run(redis);
  }
}
