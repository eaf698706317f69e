package dev.smelter.video.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One worker JVM per render: the result, a rejected spec, and a render that runs past its timeout. */
class WorkerProcessTest {
  @TempDir Path dir;

  private final WorkerProcess.Launch launch = WorkerProcess.Launch.current(List.of(), "off", 1);

  private Path spec(String json) throws Exception {
    return Files.writeString(dir.resolve("spec.json"), json);
  }

  @Test
  void rendersAndReportsProgressAndTheResult() throws Exception {
    Path out = dir.resolve("out.mp4");
    Path spec = spec("""
        {"width":64,"height":112,"fps":10,"outPath":"%s","clips":[{"duration":1.2,"layers":[{"type":"fill-color","color":"red"}]}]}"""
        .formatted(out));
    List<WorkerProtocol.ProgressLine> progress = new CopyOnWriteArrayList<>();

    WorkerOutcome outcome = new WorkerProcess(launch).run(spec, dir, 7, Duration.ofMinutes(2), Duration.ofMinutes(1), progress::add);

    assertThat(outcome).isInstanceOf(WorkerOutcome.Rendered.class);
    WorkerProtocol.ResultLine r = ((WorkerOutcome.Rendered) outcome).result();
    assertThat(r.frames()).isEqualTo(12);
    assertThat(r.duration()).isEqualTo(1.2);
    assertThat(r.sizeBytes()).isEqualTo(Files.size(out));
    assertThat(progress).isNotEmpty();
    assertThat(progress.getLast().framesDone()).isEqualTo(12);
  }

  @Test
  void aSpecTheWorkerCannotRenderIsRejectedNotRetried() throws Exception {
    Path spec = spec("{\"width\":64,\"height\":112,\"clips\":[{\"layers\":[{\"type\":\"image\",\"path\":\"missing.png\"}]}]}");

    WorkerOutcome outcome = new WorkerProcess(launch).run(spec, dir, 7, Duration.ofMinutes(2), Duration.ofMinutes(1), p -> {});

    assertThat(outcome).isInstanceOf(WorkerOutcome.Rejected.class);
    assertThat(((WorkerOutcome.Rejected) outcome).problems().getFirst().path()).isEqualTo("clips[0].layers[0].path");
  }

  @Test
  void aRenderPastItsTimeoutIsKilledAndMayBeRetried() throws Exception {
    Path spec = spec("""
        {"width":64,"height":112,"fps":10,"outPath":"%s","clips":[{"duration":100000,"layers":[{"type":"fill-color"}]}]}"""
        .formatted(dir.resolve("long.mp4")));

    long start = System.nanoTime();
    WorkerOutcome outcome = new WorkerProcess(launch).run(spec, dir, 7, Duration.ofSeconds(1), Duration.ofMinutes(1), p -> {});

    assertThat(outcome).isInstanceOf(WorkerOutcome.Failed.class);
    assertThat(((WorkerOutcome.Failed) outcome).message()).contains("timed out");
    assertThat(((WorkerOutcome.Failed) outcome).retryable()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(dir.resolve("long.mp4")).doesNotExist();
  }

  /** Issue 21: a lone surrogate in a title used to kill the worker JVM natively; it renders as U+FFFD now. */
  @Test
  void aLoneSurrogateInATitleRenders() throws Exception {
    Path out = dir.resolve("surrogate.mp4");
    Path spec = spec("""
        {"width":64,"height":64,"fps":10,"outPath":"%s","clips":[{"duration":0.3,"layers":[{"type":"title","text":"a\\ud800b"},
          {"type":"subtitle","text":"\\udc00"},{"type":"news-title","text":"x\\ud800"},{"type":"slide-in-text","text":"\\ud800"}]}]}"""
        .formatted(out));

    WorkerOutcome outcome = new WorkerProcess(launch).run(spec, dir, 7, Duration.ofMinutes(2), Duration.ofMinutes(1), p -> {});

    assertThat(outcome).isInstanceOf(WorkerOutcome.Rendered.class);
    assertThat(((WorkerOutcome.Rendered) outcome).result().frames()).isEqualTo(3);
    assertThat(out).isNotEmptyFile();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err") || n.contains(".partial-"));
    }
  }

  /**
   * Issue 21: a render JVM that dies of a native crash mid-render is a clear, final failure naming the
   * signal; its partial MP4 and its fatal-error report are gone, the report's summary is in worker.log.
   */
  @Test
  void aNativeCrashFailsTheRenderWithoutRetryAndLeavesNoFiles() throws Exception {
    Path out = dir.resolve("crash.mp4");
    Path spec = spec("""
        {"width":64,"height":64,"fps":10,"outPath":"%s","clips":[{"duration":5,"layers":[{"type":"fill-color","color":"red"}]}]}"""
        .formatted(out));
    List<WorkerProtocol.ProgressLine> progress = new CopyOnWriteArrayList<>();

    // another attempt's temporary file in the same folder (fleet workers may share it) is left alone
    Path others = Files.writeString(dir.resolve(".render-2.mp4.partial-1234.mp4"), "another attempt's");
    WorkerOutcome outcome = new WorkerProcess(launch.withMainClass(CrashingWorker.class.getName()))
        .run(spec, dir, java.util.Optional.of(out), 7, dev.smelter.video.plan.AudioPlan.Timing.STRETCH, Duration.ofMinutes(2), Duration.ofMinutes(1), progress::add);

    assertThat(progress).as("it crashed mid-render, not at start").isNotEmpty();
    assertThat(outcome).isInstanceOf(WorkerOutcome.Failed.class);
    WorkerOutcome.Failed failed = (WorkerOutcome.Failed) outcome;
    assertThat(failed.message()).startsWith("the render process crashed (SIGSEGV in ").contains("not retried");
    assertThat(failed.retryable()).isFalse();
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(".render-2.mp4.partial-1234.mp4", "spec.json", "worker.log");
    }
    assertThat(others).hasContent("another attempt's");
    assertThat(Files.readString(dir.resolve("worker.log"))).contains("SIGSEGV", "fatal error report");
  }
}
