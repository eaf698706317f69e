package dev.smelter.video.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Watches a child process's merged output for the line that says it is ready (tests that start servers). */
public final class ReadyLine {
  private ReadyLine() {}

  /**
   * Completes when a line of {@code process}'s output contains {@code marker}; fails with the first
   * {@code logLimit} characters of its output if it exits first. Keeps draining the output after that,
   * so the child never blocks on a full pipe.
   */
  public static CompletableFuture<Void> watch(Process process, String marker, String what, int logLimit) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      StringBuilder log = new StringBuilder();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (log.length() < logLimit) log.append(line).append('\n');
          if (line.contains(marker)) ready.complete(null);
        }
        ready.completeExceptionally(new AssertionError(what + " exited before it was ready:\n" + log));
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
    });
    return ready;
  }
}
