package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 in the CLI: limits and hostile values exit 2 with JSON paths; a native crash leaves no partial file. */
class HostileSpecCliTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path spec(String json5) throws Exception {
    return Files.writeString(dir.resolve("spec.json5"), json5);
  }

  @Test
  void hugeFrameRateTextAndNulPathsExit2WithPathsInJson() throws Exception {
    Path s = spec("{outPath: 'x.mp4', fps: 1e308, clips: [{layers: [{type: 'title', text: '" + "t".repeat(10_001) + "'},"
        + " {type: 'image', path: 'a\\u0000.png'}]}]}");
    CliRun r = run("render", "--json", s.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out()).contains("\"path\":\"fps\"", "must be at most 240 (got 1.0E308)",
        "\"path\":\"clips[0].layers[0].text\"", "text of 10001 characters is over the limit of 10000",
        "\"path\":\"clips[0].layers[1].path\"", "not a valid file path");
  }

  @Test
  void limitsAreChangedWithTheLimitOption() throws Exception {
    Path out = dir.resolve("wide.mp4");
    Path s = spec("{outPath: '" + out + "', width: 64, height: 64, fps: 300, clips: [{duration: 0.02, layers: [{type: 'pause'}]}]}");
    CliRun refused = run("render", "--json", s.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.out()).contains("\"path\":\"fps\"");
    CliRun rendered = run("render", "--json", "--limit", "fps=300", s.toString());
    assertThat(rendered.code()).as(rendered.out() + rendered.err()).isZero();
    assertThat(out).isNotEmptyFile();
    CliRun bad = run("render", "--json", "--limit", "speed=2", s.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).contains("\"path\":\"--limit\"", "unknown limit speed");
  }

  @Test
  void aLoneSurrogateTitleRenders() throws Exception {
    Path out = dir.resolve("surrogate.mp4");
    Path s = spec("{outPath: '" + out + "', width: 64, height: 64, fps: 10, clips: [{duration: 0.3, layers: ["
        + "{type: 'title', text: '\\ud800'}, {type: 'news-title', text: 'a\\udc00'}]}]}");
    CliRun r = run("render", "--json", s.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(out).isNotEmptyFile();
  }

  /**
   * A render JVM started with the launcher's options (deploy/jvm-options.sh, which ./smelter-video and
   * the Docker image's entrypoint source, then exec java as here) dies of a real SIGSEGV mid-render: its
   * OnError hook removes the partial output, the crash report goes to the temp folder, not the working
   * directory, and the list of partial outputs is gone.
   */
  @Test
  void aNativeCrashUnderTheLauncherOptionsLeavesNoPartialOutput() throws Exception {
    Path crashDir = Files.createDirectories(dir.resolve("tmp"));
    Path work = Files.createDirectories(dir.resolve("work"));
    Path out = dir.resolve("crash.mp4");

    String script = """
        source "$1/deploy/jvm-options.sh"
        smelter_jvm_options render
        exec "$2" "${SMELTER_JVM[@]}" -cp "$3" "$4" "$5"
        """;
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", script, "launcher", Path.of("..").toAbsolutePath().normalize().toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
        CrashingRender.class.getName(), out.toString()));
    ProcessBuilder launch = new ProcessBuilder(cmd);
    launch.environment().put("TMPDIR", crashDir.toString());
    Process p = launch.directory(work.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child ended").isTrue();
    String log = Files.readString(dir.resolve("child.log"));

    assertThat(p.exitValue()).as(log).isNotZero();
    assertThat(log).contains("partial output present: true", "SIGSEGV", "its partial output was removed");
    assertThat(out).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).as(log).noneMatch(n -> n.contains(".partial-"));
    }
    try (Stream<Path> inWork = Files.list(work)) {
      assertThat(inWork.toList()).as("no crash report in the working directory").isEmpty();
    }
    // only the crash report is left in the temp folder: the list of partial outputs is gone
    try (Stream<Path> reports = Files.list(crashDir)) {
      assertThat(reports.map(f -> f.getFileName().toString())).singleElement().asString().startsWith("smelter-video-crash-");
    }
  }
}
