package dev.smelter.video.server.fleet;

import dev.smelter.video.server.ReadyLine;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free loopback port (no persistence), for tests that need
 * a Redis configured differently from the shared one on 6379 (a password, ACL users, TLS), or one
 * they can stop and start again ({@link #persistent}). Stopped by {@link #close()}.
 */
public final class LoopbackRedis implements AutoCloseable {
  public final int port;
  private volatile Process process;
  private final List<String> command;

  private LoopbackRedis(int port, Process process, List<String> command) {
    this.port = port;
    this.process = process;
    this.command = command;
  }

  /**
   * A server that keeps its data in {@code dir} (append-only file, fsync on every write), so
   * {@link #stop()} and {@link #restart()} are an outage, not a loss: Redis as docs/fleet.md asks
   * it to be run.
   */
  public static LoopbackRedis persistent(Path dir) throws Exception {
    return start(false, List.of("--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always"));
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server (SIGTERM: it writes its data and exits); bounded. */
  public void stop() throws InterruptedException {
    Process p = process;
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) throw new IllegalStateException("redis-server on " + port + " did not stop");
  }

  /** Starts the server again on the same port and folder; returns once it accepts connections (data loaded). */
  public void restart() throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    process = p;
    ReadyLine.watch(p, "Ready to accept connections", "redis-server", 10_000).get(30, TimeUnit.SECONDS);
  }

  /** Whether {@code PROGRAM} is on the PATH (tests that need it are skipped otherwise). */
  public static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /** Starts a server with these extra arguments; {@code tls}: the port is a TLS port (plain TCP off). */
  public static LoopbackRedis start(boolean tls, List<String> args) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--loglevel", "notice"));
    if (tls) command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port)));
    else command.addAll(List.of("--port", Integer.toString(port)));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Void> ready = ReadyLine.watch(p, "Ready to accept connections", "redis-server", 10_000);
    LoopbackRedis server = new LoopbackRedis(port, p, List.copyOf(command));
    try {
      ready.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  @Override
  public void close() throws InterruptedException {
    Process process = this.process;
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
