package dev.smelter.video.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.cli.bench.BenchReport.Row;
import dev.smelter.video.spec.json.Json5Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  @TempDir Path dir;

  private static Row row(String caseName, String variant, double wall, long size, double internalMillis) {
    return new Row(caseName, variant, 3375, wall, wall * 1.5, 380L << 20, new long[] {300L << 20, 350L << 20, 360L << 20}, size, "libx264",
        "cpu (skia raster)", internalMillis);
  }

  @Test
  void reportsTheEncodeOnlyRatioTheEditlySpeedUpAndTheConcurrencyRun() throws Exception {
    BenchReport report = new BenchReport("smelter-video bench --cases full --editly", "2 vCPU (test), 23 GiB");
    Row ours = row("full", "smelter-video (defaults)", 60, 75_000_000, 59_000);
    report.add(ours);
    report.add(row("full", "encode-only limit (defaults)", 57, 0, 55_000));
    report.add(new BenchReport.Ratio("full", "defaults", 59_000, 55_000, 60));
    report.add(row("full", "smelter-video (x264 medium/crf 18)", 120, 64_000_000, 119_000));
    report.add(new Row("full", "Editly 0.14.2", -1, 360, 700, 1800L << 20, new long[] {1L << 30, 1L << 30, 1L << 30}, 72_000_000,
        "libx264 medium/18", "-", 360_000));
    report.concurrency(new BenchReport.Concurrency(15, 2, 15, 100, 15 * 8.0, 8.0, 600L << 20, 200L << 20, 180));

    String md = report.markdown();
    assertThat(md).contains("smelter-video bench --cases full --editly")
        .contains("| full | defaults | 59.0 | 55.0 | **1.07** |")
        .contains("60.0 s, **6.0×**").contains("120.0 s, **3.0×**")
        .contains("| 380 | 300 / 350 / 360 |")
        .contains("15 succeeded").contains("throughput **1.20×**").contains("600 MiB");

    report.write(dir);
    assertThat(dir.resolve("chart.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo(md);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) plain(Json5Parser.parse(Files.readString(dir.resolve("report.json"))));
    assertThat((List<?>) json.get("rows")).hasSize(4);
    assertThat(((List<?>) json.get("encodeOnlyRatios")).getFirst()).asString().contains("renderOverEncodeOnly=1.073");
    assertThat(json.get("concurrency")).asString().contains("allSucceeded=true").contains("throughputVsSequential=1.2");
  }

  @Test
  void measuresAProcessTreeOverTime() throws Exception {
    MeasuredProcess.Measurement m = MeasuredProcess.run(List.of("sh", "-c", "sleep 0.4; echo done"), dir, Map.of(), Duration.ofSeconds(20));

    assertThat(m.exitCode()).isZero();
    assertThat(m.stdout()).isEqualTo("done\n");
    assertThat(m.wallSeconds()).isGreaterThanOrEqualTo(0.4);
    assertThat(m.rssTimeline()).isNotEmpty();
    assertThat(m.peakRssBytes()).isPositive();
    assertThat(m.rssAt(0.5)).isPositive().isLessThanOrEqualTo(m.peakRssBytes());
  }

  private static Object plain(dev.smelter.video.spec.json.JsonValue v) {
    return switch (v) {
      case dev.smelter.video.spec.json.JsonValue.JObject o -> o.members().entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> plain(e.getValue()), (a, b) -> a, java.util.LinkedHashMap::new));
      case dev.smelter.video.spec.json.JsonValue.JArray a -> a.items().stream().map(BenchReportTest::plain).toList();
      case dev.smelter.video.spec.json.JsonValue.JString s -> s.value();
      case dev.smelter.video.spec.json.JsonValue.JNumber n -> n.value();
      case dev.smelter.video.spec.json.JsonValue.JBool b -> b.value();
      default -> null;
    };
  }
}
