package dev.smelter.video.server.fleet;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One node's connections to the fleet's Redis: a shared connection for commands (Lettuce multiplexes
 * it across threads; nothing here blocks on the server) and one for pub/sub. The URL is Lettuce's:
 * {@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS (the server's
 * certificate is checked against the JVM's trust store, or against the CA certificates of
 * {@code smelter.redis.ca-cert}).
 */
public final class FleetRedis implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final Map<String, Consumer<String>> channels = new ConcurrentHashMap<>();
  private final FleetKeys keys;
  private final String nodeId;

  public FleetRedis(String url, String namespace, String nodeId) {
    this(url, Optional.empty(), namespace, nodeId);
  }

  /**
   * Connects at once, so a wrong URL, password or certificate stops the node at start-up with
   * {@link Unreachable}. {@code caCert}: PEM file of the CA certificates a {@code rediss://} server's
   * certificate must chain to (a private CA); empty: the JVM's trust store.
   */
  public FleetRedis(String url, Optional<Path> caCert, String namespace, String nodeId) {
    RedisURI uri;
    try {
      uri = RedisURI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("smelter.redis.url: not a Redis URL (redis://[user:password@]host:port[/db] or rediss://…): "
          + e.getMessage());
    }
    uri.setTimeout(Duration.ofSeconds(10));
    this.client = RedisClient.create(uri);
    caCert.ifPresent(ca -> {
      if (!Files.isReadable(ca)) throw new IllegalArgumentException("smelter.redis.ca-cert: cannot read " + ca);
      client.setOptions(ClientOptions.builder().sslOptions(SslOptions.builder().jdkSslProvider().trustManager(ca.toFile()).build()).build());
    });
    try {
      this.connection = client.connect();
      this.pubSub = client.connectPubSub();
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw new Unreachable(redacted(url), e);
    }
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

  /**
   * The fleet's Redis refused this node or cannot be reached: the message names the URL (password
   * masked) and Redis's or the network's own reason ({@code WRONGPASS …}, {@code Connection refused},
   * a certificate that does not verify), without the connection layers around it.
   */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String url, Throwable cause) {
      super("cannot connect to the fleet's Redis at " + url + ": " + reason(cause), cause);
    }

    private static String reason(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      String m = root.getMessage();
      return m == null || m.isBlank() ? root.getClass().getSimpleName() : m.strip();
    }
  }

  /** The URL as given, its password masked (the part between {@code :} and {@code @} of the authority). */
  static String redacted(String url) {
    return url.strip().replaceFirst("^([a-z]+://[^:@/]*):[^@/]*@", "$1:***@");
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
