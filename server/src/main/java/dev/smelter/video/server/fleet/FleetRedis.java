package dev.smelter.video.server.fleet;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One node's connections to the fleet's Redis: a shared connection for commands (Lettuce multiplexes
 * it across threads; nothing here blocks on the server) and one for pub/sub. The URL is Lettuce's:
 * {@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS (the server's
 * certificate is checked against the JVM's trust store, or against the CA certificates of
 * {@code smelter.redis.ca-cert}).
 *
 * <p>Outages: commands are refused at once while the connection is down (not buffered: a buffer
 * would grow without bound, and a command queued during an outage would run at reconnection, before
 * anything this node learnt meanwhile), and Lettuce reconnects every 0.1 s to 2 s. The node keeps
 * track of how long it has been in unbroken contact with Redis ({@link #contact()}): a takeover of
 * other nodes' claims waits for that (docs/fleet.md, "Redis outages").
 */
public final class FleetRedis implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FleetRedis.class.getName());
  /** At most this many commands wait for their answer on the shared connection; more are refused. */
  static final int REQUEST_QUEUE = 10_000;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final Map<String, Consumer<String>> channels = new ConcurrentHashMap<>();
  private final FleetKeys keys;
  private final String nodeId;
  private final ClientResources resources;
  private final RedisCommands<String, String> commands;
  /** System.nanoTime() since which contact is unbroken; {@link Long#MAX_VALUE} while it is lost. */
  private final java.util.concurrent.atomic.AtomicLong contactSince;
  private volatile long lostAt;
  private volatile boolean closing;

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
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS)).build();
    this.client = RedisClient.create(resources, uri);
    ClientOptions.Builder options = ClientOptions.builder().autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).requestQueueSize(REQUEST_QUEUE);
    caCert.ifPresent(ca -> {
      if (!Files.isReadable(ca)) throw new IllegalArgumentException("smelter.redis.ca-cert: cannot read " + ca);
      options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(ca.toFile()).build());
    });
    client.setOptions(options.build());
    // A node trusts its contact from the start: it could not have started without Redis.
    this.contactSince = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    client.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        contactLost("disconnected");
      }

      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        contactBack();
      }
    });
    try {
      this.connection = client.connect();
      this.pubSub = client.connectPubSub();
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new Unreachable(redacted(url), e);
    }
    this.commands = guarded(connection.sync());
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
      // Redis's own answer (WRONGPASS, NOAUTH, NOPERM) wins wherever it sits: when Redis closes the
      // connection right after refusing the handshake, the closed connection can be the root cause.
      java.util.Optional<Throwable> answer = answerOf(e, 0);
      if (answer.isPresent()) return answer.get().getMessage().strip();
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      String m = root.getMessage();
      return m == null || m.isBlank() ? root.getClass().getSimpleName() : m.strip();
    }

    private static java.util.Optional<Throwable> answerOf(Throwable e, int depth) {
      if (e == null || depth > 16) return java.util.Optional.empty();
      if (e instanceof io.lettuce.core.RedisCommandExecutionException && e.getMessage() != null && !e.getMessage().isBlank()) {
        return java.util.Optional.of(e);
      }
      for (Throwable s : e.getSuppressed()) {
        java.util.Optional<Throwable> found = answerOf(s, depth + 1);
        if (found.isPresent()) return found;
      }
      return e.getCause() == e ? java.util.Optional.empty() : answerOf(e.getCause(), depth + 1);
    }
  }

  /**
   * Whether {@code e} says Redis cannot be reached now (connection refused or closed, commands
   * refused while disconnected, a timeout), as opposed to an answer from Redis (a script error,
   * {@code WRONGTYPE}): only the former passes by waiting.
   */
  public static boolean isOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException || t instanceof IOException) return true;
      String m = String.valueOf(t.getMessage());
      // Redis restarting: it answers LOADING until its data set is read back from disk.
      if (t instanceof io.lettuce.core.RedisCommandExecutionException) return m.startsWith("LOADING");
      if (t instanceof RedisException && (m.contains("not connected") || m.contains("Connection closed")
          || m.contains("Connection reset") || m.contains("Request queue size exceeded"))) return true;
    }
    return false;
  }

  /**
   * Called with a failed command: an outage breaks this node's contact with Redis (also where the
   * connection itself stays up, a network that drops packets), so its takeovers wait again.
   */
  public void failed(Throwable e) {
    if (isOutage(e)) contactLost(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private void contactLost(String why) {
    if (closing) return; // our own close() disconnects
    long now = System.nanoTime();
    if (contactSince.getAndSet(Long.MAX_VALUE) != Long.MAX_VALUE) {
      lostAt = now;
      LOG.warning("lost contact with the fleet's Redis (" + why + "); renders go on, their results are recorded when it is back");
    }
  }

  private void contactBack() {
    long now = System.nanoTime();
    if (contactSince.compareAndSet(Long.MAX_VALUE, now)) {
      LOG.warning(String.format(java.util.Locale.ROOT, "the fleet's Redis is reachable again after %.1f s", (now - lostAt) / 1e9));
    }
  }

  /**
   * How long this node has been in unbroken contact with Redis; zero while contact is lost. A
   * successful command after a failure that did not close the connection restores contact.
   */
  public Duration contact() {
    long since = contactSince.get();
    return since == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
  }

  /** Notes that a command just succeeded: contact is back if a failure had broken it. */
  public void succeeded() {
    if (contactSince.get() == Long.MAX_VALUE && connection.isOpen()) contactBack();
  }

  /** Whether Redis answers a {@code PING} now (readiness); never throws. */
  public Optional<String> ping() {
    try {
      String pong = commands.ping();
      return "PONG".equals(pong) ? Optional.empty() : Optional.of("unexpected answer to PING: " + pong);
    } catch (RuntimeException e) {
      return Optional.of(Unreachable.reason(e));
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

  /**
   * The shared connection's commands. A command that fails because Redis cannot be reached throws
   * {@link dev.smelter.video.server.queue.QueueUnavailableException} (and breaks this node's
   * {@link #contact()}); every other outcome passes through unchanged.
   */
  public RedisCommands<String, String> commands() {
    return commands;
  }

  @SuppressWarnings("unchecked")
  private RedisCommands<String, String> guarded(RedisCommands<String, String> target) {
    return (RedisCommands<String, String>) java.lang.reflect.Proxy.newProxyInstance(RedisCommands.class.getClassLoader(),
        new Class<?>[] {RedisCommands.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) return method.invoke(target, args);
          try {
            Object result = method.invoke(target, args);
            succeeded();
            return result;
          } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (isOutage(cause)) {
              failed(cause);
              throw new dev.smelter.video.server.queue.QueueUnavailableException(
                  "the fleet's Redis cannot be reached: " + Unreachable.reason(cause), cause);
            }
            throw cause;
          }
        });
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
    try {
      connection.async().publish(channel, message); // fire and forget: a listener that misses it polls anyway
    } catch (RuntimeException e) {
      failed(e); // refused while disconnected: the listeners poll anyway
    }
  }

  @Override
  public void close() {
    closing = true;
    pubSub.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
