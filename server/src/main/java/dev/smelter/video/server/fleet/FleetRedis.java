package dev.smelter.video.server.fleet;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One node's connections to the fleet's Redis: a shared connection for commands (Lettuce multiplexes
 * it across threads; nothing here blocks on the server) and one for pub/sub. The URL is Lettuce's:
 * {@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS.
 */
public final class FleetRedis implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final Map<String, Consumer<String>> channels = new ConcurrentHashMap<>();
  private final FleetKeys keys;
  private final String nodeId;

  public FleetRedis(String url, String namespace, String nodeId) {
    RedisURI uri = RedisURI.create(url.strip());
    uri.setTimeout(Duration.ofSeconds(10));
    this.client = RedisClient.create(uri);
    this.connection = client.connect();
    this.pubSub = client.connectPubSub();
    this.keys = new FleetKeys(namespace);
    this.nodeId = nodeId.isBlank() ? defaultNodeId() : nodeId;
    pubSub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        Consumer<String> c = channels.get(channel);
        if (c != null) c.accept(message);
      }
    });
  }

  /** {@code host-pid-random}: unique per process, readable in {@code GET /workers}. */
  static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  public RedisCommands<String, String> commands() {
    return connection.sync();
  }

  public FleetKeys keys() {
    return keys;
  }

  /** This process's name in the consumer group, the worker registry and event messages. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Subscribes to a channel. The listener runs on Lettuce's I/O thread: it must hand work off, never
   * call Redis itself.
   */
  public void subscribe(String channel, Consumer<String> listener) {
    channels.put(channel, listener);
    pubSub.sync().subscribe(channel);
  }

  public void publish(String channel, String message) {
    connection.async().publish(channel, message); // fire and forget: a listener that misses it polls anyway
  }

  @Override
  public void close() {
    pubSub.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
