package dev.smelter.video.cli.bench;

import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What one {@code bench} run measured, written as report.md, report.json and chart.png. */
final class BenchReport {
  /**
   * One measured process.
   *
   * @param frames frames rendered, or -1 where unknown (Editly)
   * @param rss RSS of the process tree at 10, 50 and 90 % of its wall time (memory over a long render)
   * @param internalMillis the render's own wall time (without JVM start), or the encode-only encode time
   */
  record Row(String caseName, String variant, int frames, double wall, double cpu, long peakRss, long[] rss, long size,
      String encoder, String gpu, double internalMillis) {
    boolean isEncodeOnly() {
      return variant.startsWith("encode-only");
    }
  }

  /** A render ÷ encode-only pair for one case and encoder setting. */
  record Ratio(String caseName, String settings, double renderInternal, double encodeOnly, double renderProcess) {
    double internal() {
      return renderInternal / encodeOnly;
    }
  }

  /**
   * The concurrency run: {@code renders} renders of the small case through {@code slots} slots.
   *
   * @param sequentialSeconds {@code renders} × the single default render's wall time
   * @param peakTreeRss peak RSS of all renders running at once (sampled together)
   */
  record Concurrency(int renders, int slots, int succeeded, double totalSeconds, double sequentialSeconds, double singleSeconds,
      long peakTreeRss, long largestSingleRss, double cpuSeconds) {
    double throughput() {
      return sequentialSeconds / totalSeconds;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<Ratio> ratios = new ArrayList<>();
  private Optional<Concurrency> concurrency = Optional.empty();
  private final String command;
  private final String machine;

  BenchReport(String command, String machine) {
    this.command = command;
    this.machine = machine;
  }

  void add(Row row) {
    rows.add(row);
  }

  void add(Ratio ratio) {
    ratios.add(ratio);
  }

  void concurrency(Concurrency c) {
    concurrency = Optional.of(c);
  }

  List<Row> rows() {
    return rows;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Command: `").append(command).append("`  \nMachine: ").append(machine).append("\n\n");
    md.append("| case | variant | frames | wall s | CPU s | fps | peak RSS MiB | RSS at 10/50/90 % MiB | size MB | encoder | composed on |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %s | %d | %d / %d / %d | %s | %s | %s |%n", r.caseName(), r.variant(),
          r.frames() < 0 ? "—" : r.frames(), r.wall(), r.cpu(), r.frames() < 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.frames() / r.wall()),
          r.peakRss() >> 20, r.rss()[0] >> 20, r.rss()[1] >> 20, r.rss()[2] >> 20,
          r.size() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.size() / 1e6), r.encoder(), r.gpu()));
    }
    if (!ratios.isEmpty()) {
      md.append("\n| case | settings | render (in-process) s | encode-only s | **render ÷ encode-only** | render incl. JVM start ÷ encode-only |\n|---|---|---|---|---|---|\n");
      for (Ratio q : ratios) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | **%.2f** | %.2f |%n", q.caseName(), q.settings(), q.renderInternal() / 1000,
            q.encodeOnly() / 1000, q.internal(), q.renderProcess() * 1000 / q.encodeOnly()));
      }
    }
    List<String> speedups = speedups();
    if (!speedups.isEmpty()) {
      md.append("\n| case | Editly wall s | ours (defaults) | ours (Editly's settings) |\n|---|---|---|---|\n");
      speedups.forEach(md::append);
    }
    concurrency.ifPresent(c -> md.append(String.format(Locale.ROOT,
        "%nConcurrency: %d renders of the small case through %d slots: %d succeeded, %.1f s in all vs %.1f s one after another (%d × %.1f s) "
            + "→ throughput **%.2f×** of sequential; peak RSS of all renders together %d MiB (largest single render %d MiB); CPU %.1f s.%n",
        c.renders(), c.slots(), c.succeeded(), c.totalSeconds(), c.sequentialSeconds(), c.renders(), c.singleSeconds(), c.throughput(),
        c.peakTreeRss() >> 20, c.largestSingleRss() >> 20, c.cpuSeconds())));
    return md.toString();
  }

  /** One table line per case that has an Editly row. */
  private List<String> speedups() {
    List<String> out = new ArrayList<>();
    for (Row editly : rows) {
      if (!editly.variant().startsWith("Editly")) continue;
      String c = editly.caseName();
      out.add(String.format(Locale.ROOT, "| %s | %.1f | %s | %s |%n", c, editly.wall(), speedup(editly, c, "smelter-video (defaults)"),
          speedup(editly, c, "smelter-video (x264 medium/crf 18)")));
    }
    return out;
  }

  private String speedup(Row editly, String caseName, String variant) {
    return rows.stream().filter(r -> r.caseName().equals(caseName) && r.variant().equals(variant)).findFirst()
        .map(r -> String.format(Locale.ROOT, "%.1f s, **%.1f×**, size %.2f× Editly's", r.wall(), editly.wall() / r.wall(), (double) r.size() / editly.size()))
        .orElse("—");
  }

  String json() {
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("command", new JString(command));
    root.put("machine", new JString(machine));
    List<JsonValue> rowList = new ArrayList<>();
    for (Row r : rows) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("case", new JString(r.caseName()));
      m.put("variant", new JString(r.variant()));
      m.put("frames", new JNumber(r.frames()));
      m.put("wallSeconds", new JNumber(round(r.wall())));
      m.put("cpuSeconds", new JNumber(round(r.cpu())));
      m.put("peakRssBytes", new JNumber(r.peakRss()));
      m.put("rssAt10_50_90PercentBytes", new JArray(List.of(new JNumber(r.rss()[0]), new JNumber(r.rss()[1]), new JNumber(r.rss()[2]))));
      m.put("sizeBytes", new JNumber(r.size()));
      m.put("encoder", new JString(r.encoder()));
      m.put("gpu", new JString(r.gpu()));
      m.put("internalMillis", new JNumber(Math.round(r.internalMillis())));
      rowList.add(new JObject(m));
    }
    root.put("rows", new JArray(rowList));
    List<JsonValue> ratioList = new ArrayList<>();
    for (Ratio q : ratios) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("case", new JString(q.caseName()));
      m.put("settings", new JString(q.settings()));
      m.put("renderMillis", new JNumber(Math.round(q.renderInternal())));
      m.put("encodeOnlyMillis", new JNumber(Math.round(q.encodeOnly())));
      m.put("renderOverEncodeOnly", new JNumber(round(q.internal())));
      ratioList.add(new JObject(m));
    }
    root.put("encodeOnlyRatios", new JArray(ratioList));
    concurrency.ifPresent(c -> {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("renders", new JNumber(c.renders()));
      m.put("slots", new JNumber(c.slots()));
      m.put("succeeded", new JNumber(c.succeeded()));
      m.put("allSucceeded", new JBool(c.succeeded() == c.renders()));
      m.put("totalSeconds", new JNumber(round(c.totalSeconds())));
      m.put("sequentialSeconds", new JNumber(round(c.sequentialSeconds())));
      m.put("throughputVsSequential", new JNumber(round(c.throughput())));
      m.put("peakTreeRssBytes", new JNumber(c.peakTreeRss()));
      m.put("largestSingleRssBytes", new JNumber(c.largestSingleRss()));
      m.put("cpuSeconds", new JNumber(round(c.cpuSeconds())));
      root.put("concurrency", new JObject(m));
    });
    return JsonValue.toJson(new JObject(root)) + "\n";
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.md"), markdown());
    Files.writeString(dir.resolve("report.json"), json());
    List<BarChart.Bar> bars = new ArrayList<>();
    for (Row r : rows) {
      int color = r.variant().startsWith("Editly") ? 0xFFB0B0B0 : r.isEncodeOnly() ? 0xFF7FB3D5 : 0xFF2A9D8F;
      bars.add(new BarChart.Bar(r.caseName() + ": " + r.variant(), r.wall(), color));
    }
    BarChart.write(dir.resolve("chart.png"), "smelter-video bench — wall seconds (" + machine + ")", bars);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
