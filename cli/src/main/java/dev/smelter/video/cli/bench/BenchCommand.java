package dev.smelter.video.cli.bench;

import dev.smelter.video.cli.bench.BenchReport.Row;
import dev.smelter.video.cli.bench.MeasuredProcess.Measurement;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smelter-video bench}: renders the benchmark fixture (and the W1 picture-book shape) with
 * our defaults and with Editly's exact encoder settings, measures the encode-only limit, optionally
 * runs the real Editly on the same specs, runs N renders concurrently, and reports a table, JSON
 * and a PNG chart. Every render is a child process, measured as a whole (wall, CPU, peak RSS).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmark renders against the encoder's own speed and against Editly.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--fixture", defaultValue = "/tmp/smelter-bench", description = "Fixture folder (made by make-fixture.sh when missing). Default: ${DEFAULT-VALUE}.")
  Path fixture;

  @Option(names = "--make-fixture", defaultValue = "../shared/tools/bench/make-fixture.sh", description = "Fixture generator script. Default: ${DEFAULT-VALUE}.")
  Path makeFixture;

  @Option(names = "--cases", split = ",", defaultValue = "small,full,book", description = "Cases: small, full, book. Default: ${DEFAULT-VALUE}.")
  List<String> cases;

  @Option(names = "--book-pages", defaultValue = "32", description = "Pages of the picture book. Default: ${DEFAULT-VALUE}.")
  int bookPages;

  @Option(names = "--book-narration", defaultValue = "4.5", description = "Mean narration seconds per page (18 ≈ a 9.5-minute book). Default: ${DEFAULT-VALUE}.")
  double bookNarration;

  @Option(names = "--variants", split = ",", defaultValue = "defaults,editly-settings",
      description = "Our renders per case: defaults, editly-settings (x264 medium/crf 18); each with its encode-only limit. Default: ${DEFAULT-VALUE}.")
  List<String> variants;

  @Option(names = "--editly", description = "Also render each case with the real Editly (EDITLY_HOME or ~/.cache/editly-ref).")
  boolean editly;

  @Option(names = "--concurrent", defaultValue = "15", description = "Renders of the small case run at once (0 = skip). Default: ${DEFAULT-VALUE}.")
  int concurrent;

  @Option(names = "--slots", defaultValue = "0", description = "Render slots for the concurrent run (0 = CPU cores).")
  int slots;

  @Option(names = "--report", defaultValue = "bench-report", description = "Folder for report.md, report.json and chart.png. Default: ${DEFAULT-VALUE}.")
  Path reportDir;

  private BenchReport report;

  @Override
  public Integer call() throws Exception {
    ensureFixture();
    report = new BenchReport(commandLine(), machine());
    Path scratch = Files.createTempDirectory("smelter-bench");
    for (String c : cases) {
      String spec = switch (c) {
        case "small" -> "editly-small.json";
        case "full" -> "editly-full.json";
        case "book" -> BookFixture.write(fixture, bookPages, bookNarration);
        default -> throw new IllegalArgumentException("unknown case " + c);
      };
      if (variants.contains("defaults")) {
        Row ours = render(c, "smelter-video (defaults)", spec, scratch);
        encodeOnly(c, "defaults", spec, ours);
      }
      if (variants.contains("editly-settings")) {
        String editlySettings = variant(spec, "-editly-settings", "[\"-preset\", \"medium\", \"-crf\", \"18\"]");
        Row oursEditly = render(c, "smelter-video (x264 medium/crf 18)", editlySettings, scratch);
        encodeOnly(c, "medium/crf 18", editlySettings, oursEditly);
      }
      if (editly) editly(c, spec, scratch);
    }
    if (concurrent > 0 && Files.exists(fixture.resolve("editly-small.json"))) concurrency(scratch);
    report.write(this.reportDir);
    System.out.print(report.markdown());
    System.out.println("report: " + this.reportDir.toAbsolutePath() + " (report.md, report.json, chart.png)");
    return 0;
  }

  private void ensureFixture() throws IOException, InterruptedException {
    if (Files.exists(fixture.resolve("editly-full.json"))) return;
    if (!Files.exists(makeFixture)) {
      throw new IOException("no fixture in " + fixture + " and no generator at " + makeFixture + " (needs ffmpeg: see docs/performance.md)");
    }
    System.err.println("bench: building the fixture in " + fixture + " ...");
    Process p = new ProcessBuilder("bash", makeFixture.toString(), fixture.toString()).inheritIO().start();
    if (p.waitFor() != 0) throw new IOException("fixture generator failed");
  }

  /** A copy of a spec with other encoder settings. */
  private String variant(String spec, String suffix, String customOutputArgs) throws IOException {
    String text = Files.readString(fixture.resolve(spec));
    String name = spec.replace(".json", suffix + ".json");
    int brace = text.indexOf('{');
    Files.writeString(fixture.resolve(name), "{\"customOutputArgs\": " + customOutputArgs + ", " + text.substring(brace + 1));
    return name;
  }

  private Row render(String caseName, String variant, String spec, Path scratch) throws Exception {
    Path out = scratch.resolve(spec.replace(".json", ".mp4"));
    Measurement m = MeasuredProcess.run(self("render", spec, "--out", out.toString(), "--seed", "1", "--json"), fixture, Map.of(), Duration.ofMinutes(60));
    if (m.exitCode() != 0) throw new IOException(variant + " failed: " + m.stdout() + m.stderr());
    Row row = new Row(caseName, variant, (int) num(m.stdout(), "frames"), m.wallSeconds(), m.cpuSeconds(), m.peakRssBytes(), rss(m),
        (long) num(m.stdout(), "sizeBytes"), str(m.stdout(), "encoder"), str(m.stdout(), "gpu"), num(m.stdout(), "wallMillis"));
    System.err.println(describe(row));
    report.add(row);
    return row;
  }

  private void encodeOnly(String caseName, String settings, String spec, Row render) throws Exception {
    Measurement m = MeasuredProcess.run(self("bench-encode-only", spec), fixture, Map.of(), Duration.ofMinutes(60));
    if (m.exitCode() != 0) throw new IOException("encode-only " + settings + " failed: " + m.stdout() + m.stderr());
    Row row = new Row(caseName, "encode-only limit (" + settings + ")", (int) num(m.stdout(), "frames"), m.wallSeconds(), m.cpuSeconds(),
        m.peakRssBytes(), rss(m), 0, str(m.stdout(), "encoder"), "-", num(m.stdout(), "wallMillis"));
    BenchReport.Ratio ratio = new BenchReport.Ratio(caseName, settings, render.internalMillis(), row.internalMillis(), render.wall());
    System.err.println(describe(row) + String.format(Locale.ROOT, "  → render ÷ encode-only = %.2f", ratio.internal()));
    report.add(row);
    report.add(ratio);
  }

  private void editly(String caseName, String spec, Path scratch) throws Exception {
    Path home = Path.of(System.getenv().getOrDefault("EDITLY_HOME", System.getProperty("user.home") + "/.cache/editly-ref"));
    Path bin = home.resolve("node_modules/.bin/editly");
    if (!Files.isExecutable(bin)) {
      System.err.println("bench: Editly not installed at " + bin + " (../shared/tools/editly/install.sh) — skipped");
      return;
    }
    Path out = scratch.resolve("editly-" + spec.replace(".json", ".mp4"));
    Measurement m = MeasuredProcess.run(List.of("xvfb-run", "-a", "-s", "-ac -screen 0 1280x1024x24", bin.toString(), spec, "--out", out.toString()),
        fixture, Map.of(), Duration.ofMinutes(60));
    if (m.exitCode() != 0) throw new IOException("Editly failed: " + m.stderr());
    Row row = new Row(caseName, "Editly 0.14.2", -1, m.wallSeconds(), m.cpuSeconds(), m.peakRssBytes(), rss(m), Files.size(out),
        "libx264 medium/18", "-", m.wallSeconds() * 1000);
    System.err.println(describe(row));
    report.add(row);
  }

  /**
   * N small renders queued on a fixed number of slots (as the service does), against N times the
   * single default render measured above. The RSS of all renders is sampled together, so the
   * reported peak is what the machine needed at the worst moment.
   */
  private void concurrency(Path scratch) throws Exception {
    int n = concurrent, s = slots > 0 ? slots : Runtime.getRuntime().availableProcessors();
    double single = report.rows().stream().filter(r -> r.caseName().equals("small") && r.variant().equals("smelter-video (defaults)"))
        .mapToDouble(Row::wall).findFirst().orElse(Double.NaN);
    AtomicLong peakTree = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    ProcessHandle self = ProcessHandle.current();
    Thread sampler = Thread.ofPlatform().daemon().name("bench-rss").start(() -> {
      while (!done.get()) {
        long sum = self.children().mapToLong(child -> MeasuredProcess.sample(child, new java.util.HashMap<>())).sum();
        peakTree.accumulateAndGet(sum, Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(s);
    List<Future<Measurement>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path out = scratch.resolve("concurrent-" + i + ".mp4");
      runs.add(pool.submit(() -> MeasuredProcess.run(self("render", "editly-small.json", "--out", out.toString(), "--seed", "1", "--json",
          "--threads", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / s))), fixture, Map.of(), Duration.ofMinutes(30))));
    }
    int ok = 0;
    long largest = 0;
    double cpu = 0;
    for (Future<Measurement> f : runs) {
      Measurement m = f.get();
      if (m.exitCode() == 0) ok++; else System.err.println("bench: a concurrent render failed: " + m.stderr());
      largest = Math.max(largest, m.peakRssBytes());
      cpu += m.cpuSeconds();
    }
    pool.shutdown();
    double total = (System.nanoTime() - start) / 1e9;
    done.set(true);
    sampler.join(1000);
    BenchReport.Concurrency c = new BenchReport.Concurrency(n, s, ok, total, n * single, single, peakTree.get(), largest, cpu);
    System.err.printf(Locale.ROOT, "bench: %d concurrent renders, %d slots: %d ok, %.1f s vs %.1f s sequential → %.2f×, peak RSS together %d MiB%n",
        n, s, ok, total, n * single, c.throughput(), c.peakTreeRss() >> 20);
    report.concurrency(c);
  }

  /**
   * A child render with exactly this JVM's options (the launcher's memory settings included; the
   * glibc ones arrive through the inherited environment).
   */
  private List<String> self(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib")).toList());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.smelter.video.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private String commandLine() {
    return "smelter-video bench" + (fixture.toString().equals("/tmp/smelter-bench") ? "" : " --fixture " + fixture)
        + " --cases " + String.join(",", cases) + " --variants " + String.join(",", variants) + (editly ? " --editly" : "") + " --concurrent " + concurrent
        + (slots > 0 ? " --slots " + slots : "") + " --book-pages " + bookPages + " --book-narration " + bookNarration + " --report " + reportDir;
  }

  private static String machine() {
    String cpu = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
    } catch (IOException ignored) {
      // not Linux: the core count still says something
    }
    long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
    return Runtime.getRuntime().availableProcessors() + " vCPU (" + cpu + "), " + memGiB + " GiB";
  }

  private static long[] rss(Measurement m) {
    return new long[] {m.rssAt(0.1), m.rssAt(0.5), m.rssAt(0.9)};
  }

  private static String describe(Row r) {
    return String.format(Locale.ROOT, "bench: %-5s %-36s %6.1f s wall %7.1f s CPU %5d MiB peak (%d/%d/%d at 10/50/90 %%)", r.caseName(), r.variant(),
        r.wall(), r.cpu(), r.peakRss() >> 20, r.rss()[0] >> 20, r.rss()[1] >> 20, r.rss()[2] >> 20);
  }

  private static double num(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.eE+-]+)").matcher(json);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String str(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "?";
  }
}
