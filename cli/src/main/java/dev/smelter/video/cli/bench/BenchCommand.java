package dev.smelter.video.cli.bench;

import dev.smelter.video.cli.bench.MeasuredProcess.Measurement;
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

  @Option(names = "--book-narration", defaultValue = "4.5", description = "Mean narration seconds per page (17 ≈ a 9.5-minute book). Default: ${DEFAULT-VALUE}.")
  double bookNarration;

  @Option(names = "--editly", description = "Also render each case with the real Editly (EDITLY_HOME or ~/.cache/editly-ref).")
  boolean editly;

  @Option(names = "--concurrent", defaultValue = "15", description = "Renders of the small case run at once (0 = skip). Default: ${DEFAULT-VALUE}.")
  int concurrent;

  @Option(names = "--slots", defaultValue = "0", description = "Render slots for the concurrent run (0 = CPU cores).")
  int slots;

  @Option(names = "--report", defaultValue = "bench-report", description = "Folder for report.md, report.json and chart.png. Default: ${DEFAULT-VALUE}.")
  Path report;

  record Row(String caseName, String variant, int frames, double wall, double cpu, long peakRss, long size, String encoder, String gpu, double renderMillis) {}

  private final List<Row> rows = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ensureFixture();
    Files.createDirectories(report);
    Path scratch = Files.createTempDirectory("smelter-bench");
    for (String c : cases) {
      String spec = switch (c) {
        case "small" -> "editly-small.json";
        case "full" -> "editly-full.json";
        case "book" -> BookFixture.write(fixture, bookPages, bookNarration);
        default -> throw new IllegalArgumentException("unknown case " + c);
      };
      String editlySettings = variant(spec, "-editly-settings", "[\"-preset\", \"medium\", \"-crf\", \"18\"]");
      Row ours = render(c, "smelter-video (defaults)", spec, scratch);
      Row oursEditly = render(c, "smelter-video (x264 medium/crf 18)", editlySettings, scratch);
      encodeOnly(c, "encode-only limit (defaults)", spec, ours.renderMillis());
      encodeOnly(c, "encode-only limit (medium/crf 18)", editlySettings, oursEditly.renderMillis());
      if (editly) editly(c, spec, scratch);
    }
    if (concurrent > 0 && Files.exists(fixture.resolve("editly-small.json"))) concurrency(scratch);
    writeReport();
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
    Measurement m = MeasuredProcess.run(self("render", spec, "--out", out.toString(), "--seed", "1", "--json"), fixture, Map.of(), Duration.ofMinutes(30));
    if (m.exitCode() != 0) throw new IOException(variant + " failed: " + m.stdout() + m.stderr());
    Row row = new Row(caseName, variant, (int) num(m.stdout(), "frames"), m.wallSeconds(), m.cpuSeconds(), m.peakRssBytes(),
        (long) num(m.stdout(), "sizeBytes"), str(m.stdout(), "encoder"), str(m.stdout(), "gpu"), num(m.stdout(), "wallMillis"));
    System.err.println(describe(row));
    rows.add(row);
    return row;
  }

  private void encodeOnly(String caseName, String variant, String spec, double renderMillis) throws Exception {
    Measurement m = MeasuredProcess.run(self("bench-encode-only", spec), fixture, Map.of(), Duration.ofMinutes(30));
    if (m.exitCode() != 0) throw new IOException(variant + " failed: " + m.stdout() + m.stderr());
    Row row = new Row(caseName, variant, (int) num(m.stdout(), "frames"), m.wallSeconds(), m.cpuSeconds(), m.peakRssBytes(), 0,
        str(m.stdout(), "encoder"), "-", num(m.stdout(), "wallMillis"));
    System.err.println(describe(row) + String.format(Locale.ROOT, "  → render ÷ encode-only = %.2f", renderMillis / row.renderMillis()));
    rows.add(row);
  }

  private void editly(String caseName, String spec, Path scratch) throws Exception {
    Path home = Path.of(System.getenv().getOrDefault("EDITLY_HOME", System.getProperty("user.home") + "/.cache/editly-ref"));
    Path bin = home.resolve("node_modules/.bin/editly");
    if (!Files.isExecutable(bin)) {
      System.err.println("bench: Editly not installed at " + bin + " — skipped");
      return;
    }
    Path out = scratch.resolve("editly-" + spec.replace(".json", ".mp4"));
    Measurement m = MeasuredProcess.run(List.of("xvfb-run", "-a", "-s", "-ac -screen 0 1280x1024x24", bin.toString(), spec, "--out", out.toString()),
        fixture, Map.of(), Duration.ofMinutes(60));
    if (m.exitCode() != 0) throw new IOException("Editly failed: " + m.stderr());
    Row row = new Row(caseName, "Editly 0.14.2", -1, m.wallSeconds(), m.cpuSeconds(), m.peakRssBytes(), Files.size(out), "libx264 medium/18", "-", m.wallSeconds() * 1000);
    System.err.println(describe(row));
    rows.add(row);
  }

  /** N small renders with a slot limit, against N times the single render measured above. */
  private void concurrency(Path scratch) throws Exception {
    int n = concurrent, s = slots > 0 ? slots : Runtime.getRuntime().availableProcessors();
    double single = rows.stream().filter(r -> r.caseName().equals("small") && r.variant().equals("smelter-video (defaults)"))
        .mapToDouble(Row::wall).findFirst().orElse(Double.NaN);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(s);
    List<Future<Measurement>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path out = scratch.resolve("concurrent-" + i + ".mp4");
      runs.add(pool.submit(() -> MeasuredProcess.run(self("render", "editly-small.json", "--out", out.toString(), "--seed", "1", "--json", "--threads", "1"),
          fixture, Map.of(), Duration.ofMinutes(30))));
    }
    int ok = 0;
    long peakSum = 0;
    for (Future<Measurement> f : runs) {
      Measurement m = f.get();
      if (m.exitCode() == 0) ok++;
      peakSum = Math.max(peakSum, m.peakRssBytes());
    }
    pool.shutdown();
    double total = (System.nanoTime() - start) / 1e9;
    concurrencyLine = String.format(Locale.ROOT,
        "%d renders of the small case, %d slots: %d succeeded, %.1f s in all vs %.1f s one after another (%d × %.1f s) → throughput %.2f×; largest single-render peak RSS %d MiB, at most %d MiB with %d in flight",
        n, s, ok, total, n * single, n, single, n * single / total, peakSum >> 20, (peakSum * s) >> 20, s);
    System.err.println(concurrencyLine);
  }

  private String concurrencyLine = "";

  private List<String> self(String... args) {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xss4m",
        "-cp", System.getProperty("java.class.path"), "dev.smelter.video.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private void writeReport() throws IOException {
    StringBuilder md = new StringBuilder("| case | variant | frames | wall s | CPU s | fps | peak RSS MiB | size MB | encoder | composed on |\n|---|---|---|---|---|---|---|---|---|---|\n");
    StringBuilder json = new StringBuilder("{\"rows\": [");
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %s | %d | %s | %s | %s |%n", r.caseName(), r.variant(),
          r.frames() < 0 ? "—" : r.frames(), r.wall(), r.cpu(), r.frames() < 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.frames() / r.wall()),
          r.peakRss() >> 20, r.size() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.size() / 1e6), r.encoder(), r.gpu()));
      json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"case\":\"%s\",\"variant\":\"%s\",\"frames\":%d,\"wallSeconds\":%.3f,\"cpuSeconds\":%.3f,\"peakRssBytes\":%d,\"sizeBytes\":%d,\"encoder\":\"%s\",\"gpu\":\"%s\",\"internalMillis\":%.0f}",
          r.caseName(), r.variant(), r.frames(), r.wall(), r.cpu(), r.peakRss(), r.size(), r.encoder(), r.gpu(), r.renderMillis()));
      int color = r.variant().startsWith("Editly") ? 0xFFB0B0B0 : r.variant().startsWith("encode-only") ? 0xFF7FB3D5 : 0xFF2A9D8F;
      bars.add(new BarChart.Bar(r.caseName() + ": " + r.variant(), r.wall(), color));
    }
    json.append("], \"concurrency\": \"").append(concurrencyLine.replace("\"", "'")).append("\"}\n");
    md.append('\n').append(concurrencyLine).append('\n');
    Files.writeString(report.resolve("report.md"), md);
    Files.writeString(report.resolve("report.json"), json);
    BarChart.write(report.resolve("chart.png"), "smelter-video bench — wall seconds (" + Runtime.getRuntime().availableProcessors() + " cores)", bars);
    System.out.print(md);
    System.out.println("report: " + report.toAbsolutePath());
  }

  private static String describe(Row r) {
    return String.format(Locale.ROOT, "bench: %-5s %-36s %6.1f s wall %7.1f s CPU %5d MiB", r.caseName(), r.variant(), r.wall(), r.cpu(), r.peakRss() >> 20);
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
