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
  private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
  private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

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
    redis.commands().eval(RENEW, io.lettuce.core.ScriptOutputType.INTEGER, new String[] {redis.keys().webhookLease(jobId)},
        redis.nodeId(), Long.toString(ttl.toMillis()));
  }

  @Override
  public void release(String jobId) {
    redis.commands().eval(RELEASE, io.lettuce.core.ScriptOutputType.INTEGER, new String[] {redis.keys().webhookLease(jobId)},
        redis.nodeId());
  }
}
