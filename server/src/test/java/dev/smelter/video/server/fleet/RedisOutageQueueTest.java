package dev.smelter.video.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.queue.QueueUnavailableException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim protocol across a Redis outage, at the queue level: a throw-away {@code redis-server}
 * with an append-only file is stopped and started again under two nodes in this JVM.
 */
class RedisOutageQueueTest {
  private final List<AutoCloseable> open = new ArrayList<>();

  private record Node(FleetRedis redis, RedisJobQueue queue) {}

  private Node node(LoopbackRedis server, String id, Duration reclaimAfter, Duration heartbeat) {
    FleetRedis redis = new FleetRedis(server.url(), "smelter:", id);
    RedisJobQueue queue = new RedisJobQueue(redis, JsonMapper.builder().build(), new JobEvents(), Clock.systemUTC(),
        new RedisJobQueue.Settings(3, reclaimAfter, heartbeat, Duration.ofMinutes(10)));
    open.add(redis);
    open.add(queue); // closed first
    return new Node(redis, queue);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) c.close();
  }

  private static JobRequest request() {
    return new JobRequest(JsonMapper.builder().build().readTree("{\"width\":64,\"height\":112,\"clips\":[]}"), "x.mp4", Optional.empty(),
        Optional.empty(), Optional.empty(), 0, Optional.empty());
  }

  /**
   * After an outage longer than {@code reclaimAfter} every pending entry looks stalled to Redis. A node
   * whose own contact has just come back must not take over the claim of a node that was cut off the
   * same way (it renews at its next heartbeat); refused calls during the outage are
   * {@link QueueUnavailableException}s, and the owner records its result once Redis is back.
   */
  @Test
  void aClaimIsNotTakenOverRightAfterAnOutageAndItsOwnerRecordsTheResult() throws Exception {
    assumeTrue(LoopbackRedis.onPath("redis-server"), "redis-server is not installed");
    LoopbackRedis server = LoopbackRedis.persistent(Files.createTempDirectory("smelter-outage-queue"));
    open.add(server);
    // The owner renews every 4 s: slower than the 1 s takeover, so only the contact rule protects it here.
    Node owner = node(server, "owner", Duration.ofSeconds(1), Duration.ofSeconds(4));
    Node other = node(server, "other", Duration.ofSeconds(1), Duration.ofMillis(200));
    String id = owner.queue().submit(request()).job().id();
    Job claimed = owner.queue().claim(Duration.ofSeconds(5)).orElseThrow();
    assertThat(claimed.id()).isEqualTo(id);

    server.stop();
    assertThatThrownBy(() -> other.queue().get(id)).isInstanceOf(QueueUnavailableException.class);
    assertThatThrownBy(() -> other.queue().claim(Duration.ofMillis(100))).isInstanceOf(QueueUnavailableException.class);
    assertThat(other.redis().contact()).isEqualTo(Duration.ZERO);
    assertThat(other.redis().ping()).isPresent();
    Thread.sleep(2500); // the outage: longer than reclaimAfter, so the entry's idle time passes it
    server.restart();
    awaitContact(other.redis(), Duration.ofSeconds(15));

    // Redis counts the outage into the entry's idle time; the other node's contact is fresh: no takeover.
    assertThat(other.queue().claim(Duration.ofMillis(200))).isEmpty();
    assertThat(owner.queue().claimedHere()).containsExactly(id);
    awaitContact(owner.redis(), Duration.ofSeconds(15));
    Job done = owner.queue().update(id, j -> j.attempts() == 1 ? j.ended(dev.smelter.video.server.job.JobStatus.FAILED, "recorded after the outage",
        java.time.Instant.now()) : j).orElseThrow();
    assertThat(done.status().terminal()).isTrue();
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(other.queue().get(id).orElseThrow().attempts()).isEqualTo(1);
  }

  private static void awaitContact(FleetRedis redis, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (redis.ping().isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(50); // Lettuce reconnects every 0.1 s to 2 s; bounded by the deadline
    }
    assertThat(redis.ping()).isEmpty();
  }
}
