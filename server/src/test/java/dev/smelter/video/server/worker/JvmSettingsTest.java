package dev.smelter.video.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the JVM and glibc settings have one source, deploy/jvm.env. The launcher's options (through
 * deploy/jvm-options.sh, which the Docker image's entrypoint sources too), a render child's actual
 * command line and environment, and the test runner's argLine all carry what the file says.
 */
class JvmSettingsTest {
  /** Surefire runs in the module's folder; the file is at the repository root's deploy/. */
  private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

  @TempDir Path dir;

  private static JvmSettings file() throws Exception {
    try (InputStream in = Files.newInputStream(DEPLOY.resolve("jvm.env"))) {
      return JvmSettings.read(in);
    }
  }

  @Test
  void theServerJarCarriesTheFileItself() throws Exception {
    JvmSettings file = file();
    assertThat(JvmSettings.packaged()).isEqualTo(file);
    assertThat(file.glibc()).containsEntry("MALLOC_ARENA_MAX", "2").containsEntry("MALLOC_MMAP_THRESHOLD_", "131072");
    assertThat(file.processOptions()).contains("-XX:+UseSerialGC", "-Xms16m");
  }

  @Test
  void theLauncherAndARenderChildStartWithTheSameSettings() throws Exception {
    JvmSettings file = file();
    List<String> fromFile = new ArrayList<>(file.javaOptions());
    fromFile.addAll(file.processOptions());

    // the launcher's and the image's options for a CLI render, with no MALLOC_* of the operator's
    Report launcher = launcher("render");
    assertThat(launcher.options()).containsAll(fromFile).noneMatch(o -> o.startsWith("-Xmx"));
    assertThat(launcher.env()).isEqualTo(file.glibc());
    // serve and worker get the bounded heap on top
    assertThat(launcher("serve").options()).containsAll(fromFile).contains("-Xmx512m", "-XX:MaxDirectMemorySize=256m");

    // a render child, as the service starts it: its real command line and environment
    WorkerProcess.Launch launch = WorkerProcess.Launch.current(List.of("-Dsmelter.test.extra=1"), "off", 1)
        .withMainClass(SettingsReportingWorker.class.getName());
    Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
    new WorkerProcess(launch).run(spec, dir, Optional.empty(), 1, dev.smelter.video.plan.AudioPlan.Timing.STRETCH,
        Duration.ofMinutes(1), Duration.ofMinutes(1), p -> {});
    Report child = Report.parse(Files.readAllLines(dir.resolve("worker.log")));
    assertThat(child.options()).containsAll(fromFile).contains("-Dsmelter.test.extra=1");
    assertThat(child.options().indexOf("-Dsmelter.test.extra=1")).as("the operator's options come last, so they win")
        .isGreaterThan(child.options().indexOf("-Xms16m"));
    Map<String, String> expected = new TreeMap<>(file.glibc());
    expected.replaceAll((k, v) -> System.getenv(k) != null ? System.getenv(k) : v); // an operator's own value wins
    assertThat(child.env()).isEqualTo(expected);
  }

  @Test
  void theTestRunnerHasEveryJvmsOptions() throws Exception {
    Matcher m = Pattern.compile("<argLine>([^<]*)</argLine>").matcher(Files.readString(DEPLOY.resolveSibling("pom.xml")));
    assertThat(m.find()).as("the root pom's surefire argLine").isTrue();
    assertThat(List.of(m.group(1).trim().split("\\s+"))).containsAll(file().javaOptions());
  }

  private record Report(List<String> options, Map<String, String> env) {
    static Report parse(List<String> lines) {
      List<String> options = new ArrayList<>();
      Map<String, String> env = new TreeMap<>();
      for (String line : lines) {
        if (line.startsWith("option:")) options.add(line.substring("option:".length()));
        if (line.startsWith("env:")) {
          String kv = line.substring("env:".length());
          env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
      }
      return new Report(options, env);
    }
  }

  /** What deploy/jvm-options.sh gives the CLI command {@code command}, in the same report format. */
  private Report launcher(String command) throws Exception {
    String script = """
        source "$1/jvm-options.sh"
        smelter_jvm_options "$2"
        for o in "${SMELTER_JVM[@]}"; do echo "option:$o"; done
        env | grep '^MALLOC_' | sed 's/^/env:/'
        exit 0
        """;
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, "report", DEPLOY.toString(), command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("MALLOC_") || k.startsWith("SMELTER_"));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    return Report.parse(new String(out, StandardCharsets.UTF_8).lines().toList());
  }
}
