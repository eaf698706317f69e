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
 * a Redis configured differently from the shared one on 6379 (a password, ACL users, TLS). Stopped
 * by {@link #close()}.
 */
final class LoopbackRedis implements AutoCloseable {
  final int port;
  private final Process process;

  private LoopbackRedis(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Whether {@code PROGRAM} is on the PATH (tests that need it are skipped otherwise). */
  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /** Starts a server with these extra arguments; {@code tls}: the port is a TLS port (plain TCP off). */
  static LoopbackRedis start(boolean tls, List<String> args) throws Exception {
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
    LoopbackRedis server = new LoopbackRedis(port, p);
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
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
