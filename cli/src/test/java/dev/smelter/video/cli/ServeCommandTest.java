package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code serve} and {@code worker} are registered and document their options. */
class ServeCommandTest {
  @Test
  void helpListsTheServeOptions() {
    assertThat(help("serve")).contains("--port", "--data-dir", "--slots", "--host", "--external-url", "--config", "--redis");
  }

  @Test
  void helpListsTheWorkerOptions() {
    assertThat(help("worker")).contains("--redis", "--slots", "--data-dir", "--gpu", "--config", "docs/fleet.md");
  }

  @Test
  void aWorkerWithoutRedisSaysWhatItNeeds() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run("worker", "--data-dir", System.getProperty("java.io.tmpdir") + "/smelter-worker-test", "--slots", "1");
    } finally {
      System.setErr(old);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--redis redis://");
  }

  @Test
  void helpShowsTheRedisUrlForms() {
    for (String command : new String[] {"serve", "worker"}) {
      assertThat(help(command).replaceAll("\\s+", "")).as("line breaks removed").contains("redis://[user:password@]host:port[/db]", "redis://:password@host:port",
          "rediss://");
    }
  }

  /** A wrong password on the real Redis (127.0.0.1:6379 has no user "nobody"): one line and exit 1, no stack trace. */
  @Test
  void aWorkerThatRedisRefusesSaysWhyWithoutAStackTrace() {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.run("worker", "--redis", "redis://nobody:wrong-pw@127.0.0.1:6379", "--data-dir",
          System.getProperty("java.io.tmpdir") + "/smelter-worker-test", "--slots", "1");
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    String printed = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).as(printed).contains(
        "smelter-video worker: cannot connect to the fleet's Redis at redis://nobody:***@127.0.0.1:6379: WRONGPASS");
    assertThat(printed).doesNotContain("wrong-pw").doesNotContain("\tat ");
  }

  /**
   * A data folder that cannot be created (here a file stands where a parent folder should be; a
   * read-only mount gives the same error path): one line naming the folder, exit 1, no stack trace.
   */
  @Test
  void aDataFolderThatCannotBeWrittenStopsTheServiceWithOneLine() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("smelter-not-a-folder", ".txt");
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.run("serve", "--port", "0", "--data-dir", file.resolve("data").toString());
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
      java.nio.file.Files.deleteIfExists(file);
    }
    String printed = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).as(printed).contains("smelter-video serve: the data folder " + file.resolve("data"));
    assertThat(printed).doesNotContain("\tat ");
    assertThat(printed.lines().count()).as(printed).isLessThan(20);
  }

  @Test
  void versionIsTheBuilds() {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(Main.run("--version")).isZero();
    } finally {
      System.setOut(old);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("smelter-video " + dev.smelter.video.server.BuildInfo.version())
        .matches("smelter-video \\d+\\.\\d+\\.\\d+.*");
  }

  private static String help(String command) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.run(command, "--help");
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
