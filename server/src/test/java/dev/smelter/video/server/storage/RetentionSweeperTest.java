package dev.smelter.video.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.queue.FileJobQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Outputs, uploads and finished job records go after max-age; the oldest outputs go over the size cap. */
class RetentionSweeperTest {
  @TempDir Path dir;

  @Test
  void deletesByAgeThenBySize() throws Exception {
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    ServiceProperties props = new ServiceProperties(dir, 1, "", null, null, null, null, null, null, Duration.ofMinutes(45), null, null, "api", "stretch");
    Storage storage = new Storage(props);
    var json = JsonMapper.builder().build();
    FileJobQueue queue = new FileJobQueue(dir.resolve("jobs"), json, new JobEvents(), Clock.fixed(now.minus(Duration.ofHours(3)), ZoneOffset.UTC), 3);
    String oldJob = queue.submit(new JobRequest(json.createObjectNode(), "a.mp4", Optional.empty(), Optional.empty(), Optional.empty(), 0,
        Optional.empty())).job().id();
    queue.update(oldJob, j -> j.ended(JobStatus.FAILED, "x", now.minus(Duration.ofHours(3))));
    String queued = queue.submit(new JobRequest(json.createObjectNode(), "b.mp4", Optional.empty(), Optional.empty(), Optional.empty(), 0,
        Optional.empty())).job().id();

    Path oldOut = file(storage.outputsDir().resolve("old.mp4"), 100, now.minus(Duration.ofHours(3)));
    Path oldUpload = file(storage.uploadsDir().resolve("old.png"), 10, now.minus(Duration.ofHours(5)));
    Path out1 = file(storage.outputsDir().resolve("one.mp4"), 600, now.minus(Duration.ofMinutes(50)));
    Path out2 = file(storage.outputsDir().resolve("two.mp4"), 600, now.minus(Duration.ofMinutes(40)));

    var retention = new ServiceProperties.Retention(Duration.ofHours(2), 1000, Duration.ofMinutes(15), Duration.ofMinutes(30));
    RetentionSweeper.Swept swept = new RetentionSweeper(retention, storage, queue, clock).sweep();

    assertThat(oldOut).doesNotExist();
    assertThat(oldUpload).doesNotExist();
    assertThat(out1).doesNotExist(); // over the 1000-byte cap: the oldest output goes
    assertThat(out2).exists();
    assertThat(swept.filesDeleted()).isEqualTo(3);
    assertThat(swept.bytesFreed()).isEqualTo(710);
    assertThat(queue.get(oldJob)).isEmpty();
    assertThat(queue.get(queued)).isPresent();
    assertThat(List.of(Files.list(dir.resolve("jobs")).toArray())).hasSize(1);
  }

  private static Path file(Path p, int size, Instant modified) throws Exception {
    Files.write(p, new byte[size]);
    Files.setLastModifiedTime(p, FileTime.from(modified));
    return p;
  }
}
