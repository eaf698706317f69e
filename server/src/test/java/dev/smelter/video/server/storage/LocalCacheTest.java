package dev.smelter.video.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCacheTest {
  @TempDir Path tmp;

  /** A clock the test moves by hand, so "least recently used" does not depend on timing. */
  static final class StepClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void step() {
      now = now.plusSeconds(10);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static LocalCache.Download bytes(int n, AtomicInteger downloads) {
    return f -> {
      downloads.incrementAndGet();
      Files.write(f, new byte[n]);
    };
  }

  @Test
  void evictsTheLeastRecentlyUsedEntriesBeyondTheBound() throws Exception {
    StepClock clock = new StepClock();
    LocalCache cache = new LocalCache(tmp.resolve("cache"), 250, clock);
    AtomicInteger downloads = new AtomicInteger();
    cache.get("a", bytes(100, downloads));
    clock.step();
    cache.get("b", bytes(100, downloads));
    clock.step();
    cache.get("a", bytes(100, downloads)); // a hit: "a" is now more recent than "b"
    clock.step();
    cache.get("c", bytes(100, downloads)); // 300 > 250: "b" goes

    assertThat(downloads).hasValue(3);
    assertThat(cache.dir().resolve("a")).exists();
    assertThat(cache.dir().resolve("b")).doesNotExist();
    assertThat(cache.dir().resolve("c")).exists();
    assertThat(cache.size()).isEqualTo(200);

    // An entry larger than the whole bound is still served (and the others make room).
    clock.step();
    Path big = cache.get("big", bytes(400, downloads));
    assertThat(Files.size(big)).isEqualTo(400);
    assertThat(cache.size()).isEqualTo(400);
  }

  @Test
  void concurrentSlotsDownloadAnEntryOnce() throws Exception {
    LocalCache cache = new LocalCache(tmp.resolve("cache"), 1 << 20, Clock.systemUTC());
    AtomicInteger downloads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Path>> results = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        int slot = i;
        results.add(pool.submit(() -> {
          start.await();
          return cache.linkInto("shared.png", f -> {
            downloads.incrementAndGet();
            Files.write(f, "same bytes".getBytes());
          }, Files.createDirectories(tmp.resolve("job-" + slot)).resolve("shared.png"));
        }));
      }
      start.countDown();
      for (Future<Path> r : results) assertThat(Files.readString(r.get(10, TimeUnit.SECONDS))).isEqualTo("same bytes");
    }
    assertThat(downloads).hasValue(1);
    try (var s = Files.list(cache.dir())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("shared.png"); // no temporary leftovers
    }
  }

  @Test
  void aJobKeepsItsLinkedInputWhenTheCacheEvictsIt() throws Exception {
    StepClock clock = new StepClock();
    LocalCache cache = new LocalCache(tmp.resolve("cache"), 150, clock);
    AtomicInteger downloads = new AtomicInteger();
    Path job = Files.createDirectories(tmp.resolve("job"));
    Path input = cache.linkInto("in-a.png", bytes(100, downloads), job.resolve("a.png"));
    clock.step();
    cache.get("in-b.png", bytes(100, downloads));

    assertThat(cache.dir().resolve("in-a.png")).doesNotExist();
    assertThat(Files.size(input)).isEqualTo(100);
  }

  @Test
  void staleTemporaryDownloadsAreRemovedAtStart() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cache"));
    Path crashed = Files.write(dir.resolve(".tmp-123-x.png"), new byte[10]);
    Files.setLastModifiedTime(crashed, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(7200)));
    Path inProgress = Files.write(dir.resolve(".tmp-456-y.png"), new byte[10]); // another process sharing the folder
    Files.write(dir.resolve("kept.png"), new byte[10]);
    LocalCache cache = new LocalCache(dir, 1000, Clock.systemUTC());
    assertThat(crashed).doesNotExist();
    assertThat(inProgress).exists();
    assertThat(cache.size()).isEqualTo(10);
  }
}
