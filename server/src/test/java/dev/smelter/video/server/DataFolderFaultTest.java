package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.storage.Storage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Fault suite: the data folder is deleted under a running service while jobs and uploads come in,
 * then replaced by a file (so it cannot be recreated). Nothing answers 500: the folders are
 * recreated and later jobs complete; what cannot be recreated answers 503 and readiness says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataFolderFaultTest {
  private TestServer server;
  private Path data;

  @BeforeAll
  void start() throws Exception {
    data = Files.createTempDirectory("smelter-data-fault");
    server = TestServer.start(data, List.of("--slots", "2"));
  }

  @AfterAll
  void stop() {
    if (server != null) server.context.close();
  }

  @Test
  void aDataFolderDeletedUnderLoadIsRecreatedAndNothingAnswers500() throws Exception {
    ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> jobs = new ConcurrentLinkedQueue<>();
    CountDownLatch someAccepted = new CountDownLatch(3);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Future<?>> load = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      int client = c;
      load.add(clients.submit(() -> {
        for (int i = 0; i < 6; i++) {
          var r = server.http.post("/jobs", """
              {"editSpec":%s,"outputFilename":"fault-%d-%d.mp4"}""".formatted(JobApiTest.tinySpec("olive", 0.3), client, i));
          answers.add(r);
          if (r.statusCode() == 202) jobs.add(Http.json(r).get("jobId").asString());
          someAccepted.countDown();
          var u = server.http.upload("/upload", "files", "note-" + client + "-" + i + ".txt", "hello".getBytes());
          answers.add(u);
        }
        return null;
      }));
    }
    assertThat(someAccepted.await(60, TimeUnit.SECONDS)).isTrue();
    Storage.deleteTree(data); // under load: jobs queued, rendering and uploads in flight
    for (Future<?> f : load) f.get(120, TimeUnit.SECONDS);
    clients.shutdown();

    assertThat(answers).hasSize(24);
    // No 500: an upload whose folder vanished is stored again after the folder is recreated, or, when
    // what it buffered went with the folder, answered 503 with Retry-After (sending it again works).
    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode() < 500
        || (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent())).as(r.uri() + " " + r.statusCode() + " " + r.body()).isTrue());
    assertThat(jobs).hasSize(12);
    int completed = 0;
    for (String id : jobs) {
      JsonNode done = server.http.awaitTerminal(id, Duration.ofSeconds(120));
      // A render whose job folder vanished under it fails that attempt and is retried; none is left hanging.
      assertThat(done.get("status").asString()).as(done.toString()).isIn("completed", "failed");
      if (done.get("status").asString().equals("completed")) {
        completed++;
        assertThat(data.resolve("outputs").resolve(done.get("outputFilename").asString())).isRegularFile();
      }
    }
    assertThat(completed).as("jobs after the deletion complete").isGreaterThanOrEqualTo(jobs.size() - 2);
    assertThat(server.http.get("/health/ready").statusCode()).isEqualTo(200);
    var after = server.http.upload("/upload", "files", "after.txt", "hello".getBytes());
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
  }

  @Test
  void aDataFolderThatCannotBeRecreatedIsReportedByReadinessAnd503() throws Exception {
    Storage.deleteTree(data);
    Files.writeString(data, "a file where the data folder was");
    try {
      var ready = server.http.get("/health/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
      JsonNode storage = Http.json(ready).get("checks").get("storage");
      assertThat(storage.get("status").asString()).isEqualTo("unavailable");
      assertThat(storage.get("error").asString()).contains(data.toString());
      assertThat(server.http.get("/health/live").statusCode()).isEqualTo(200);
      var submit = server.http.post("/jobs", "{\"editSpec\":" + JobApiTest.tinySpec("red", 0.2) + "}");
      assertThat(submit.statusCode()).as(submit.body()).isEqualTo(503);
    } finally {
      Files.delete(data);
    }
    assertThat(server.http.get("/health/ready").statusCode()).isEqualTo(200); // recreated
    assertThat(data.resolve("outputs")).isDirectory();
  }
}
