package dev.smelter.video.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command and measures it as a whole process tree (like GNU time, but summing children):
 * wall time, CPU seconds (user+sys of every process seen in the tree), and peak resident memory
 * of the tree, sampled every 100 ms from /proc.
 */
final class MeasuredProcess {
  /**
   * @param rssTimeline the tree's RSS at each sample, oldest first: {seconds since start, bytes}
   */
  record Measurement(int exitCode, double wallSeconds, double cpuSeconds, long peakRssBytes, List<double[]> rssTimeline, String stdout, String stderr) {
    /** RSS at {@code fraction} of the wall time (nearest sample), or 0 when there is none. */
    long rssAt(double fraction) {
      double t = fraction * wallSeconds;
      return (long) rssTimeline.stream().min(java.util.Comparator.comparingDouble(s -> Math.abs(s[0] - t))).map(s -> s[1]).orElse(0.0).doubleValue();
    }
  }

  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private MeasuredProcess() {}

  static Measurement run(List<String> command, Path workDir, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("bench-out", ".txt"), err = Files.createTempFile("bench-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      long start = System.nanoTime();
      Process p = pb.start();
      Map<Long, Long> cpuTicks = new HashMap<>();
      long peak = 0;
      List<double[]> timeline = new ArrayList<>();
      long deadline = start + timeout.toNanos();
      while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
        long rss = sample(p.toHandle(), cpuTicks);
        peak = Math.max(peak, rss);
        timeline.add(new double[] {(System.nanoTime() - start) / 1e9, rss});
        if (System.nanoTime() > deadline) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double cpu = cpuTicks.values().stream().mapToLong(Long::longValue).sum() / (double) TICKS_PER_SECOND;
      return new Measurement(p.exitValue(), wall, cpu, peak, List.copyOf(timeline),
          Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Sums RSS over the tree now, and remembers each process's latest CPU ticks. */
  static long sample(ProcessHandle root, Map<Long, Long> cpuTicks) {
    long rss = 0;
    for (ProcessHandle h : (Iterable<ProcessHandle>) () -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).iterator()) {
      try {
        String status = Files.readString(Path.of("/proc", Long.toString(h.pid()), "status"));
        for (String line : status.split("\n")) {
          if (line.startsWith("VmRSS:")) rss += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        cpuTicks.put(h.pid(), Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime
      } catch (IOException | RuntimeException gone) {
        // the process ended between listing and reading: its last sample stands
      }
    }
    return rss;
  }
}
