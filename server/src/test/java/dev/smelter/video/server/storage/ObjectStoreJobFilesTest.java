package dev.smelter.video.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.storage.objects.NoSuchObjectException;
import dev.smelter.video.server.storage.objects.ObjectStore;
import dev.smelter.video.server.storage.objects.S3ObjectStore;
import dev.smelter.video.server.storage.objects.S3TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The API side and a worker side, each with its own data dir, meeting only through a real S3 bucket. */
class ObjectStoreJobFilesTest {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;
  S3ObjectStore store;
  Storage apiStorage;
  Storage workerStorage;
  ObjectStoreJobFiles api;
  ObjectStoreJobFiles worker;
  LocalCache workerCache;

  static ServiceProperties props(Path dir) {
    return new ServiceProperties(dir, 1, "", null, null, null, null, null, null, Duration.ofMinutes(45), null, null, "api", "stretch");
  }

  @BeforeEach
  void setUp() throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    store = s3.store(s3.newBucket(), "");
    apiStorage = new Storage(props(tmp.resolve("api")));
    workerStorage = new Storage(props(tmp.resolve("worker")));
    api = new ObjectStoreJobFiles(store, apiStorage, new LocalCache(tmp.resolve("api/cache"), 1 << 20, Clock.systemUTC()), false,
        Duration.ofHours(1), Clock.systemUTC());
    workerCache = new LocalCache(tmp.resolve("worker/cache"), 1 << 20, Clock.systemUTC());
    worker = new ObjectStoreJobFiles(store, workerStorage, workerCache, false, Duration.ofHours(1), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ObjectNode spec(Path image, Path audio, Path incoming) {
    ObjectNode spec = (ObjectNode) JSON.readTree("""
        {"width":64,"height":112,"fps":10,"audioFilePath":"%s",
         "audioTracks":[{"path":"%s"}],
         "clips":[{"duration":1,"layers":[{"type":"image","path":"%s"}]},
                  {"duration":1,"layers":[{"type":"image","path":"%s"},{"type":"image","path":"https://cdn.example/x.png"}]}]}
        """.formatted(audio, audio, image, incoming));
    return spec;
  }

  @Test
  void stagedInputsAreFetchedIntoAnotherNodesJobFolder() throws Exception {
    Path image = Files.write(apiStorage.uploadsDir().resolve("photo.PNG"), "png bytes".getBytes());
    Path audio = Files.write(apiStorage.uploadsDir().resolve("voice.mp3"), "mp3 bytes".getBytes());
    Path incomingDir = Files.createDirectories(apiStorage.jobDir("incoming-1234"));
    Path remote = Files.write(incomingDir.resolve("0-1-x.png"), "remote png".getBytes());

    JsonNode staged = api.stageInputs("j1", spec(image, audio, remote));

    String imageKey = "inputs/" + ObjectStoreJobFiles.sha256(image) + ".png";
    String audioKey = "inputs/" + ObjectStoreJobFiles.sha256(audio) + ".mp3";
    assertThat(staged.at("/clips/0/layers/0/path").asString()).isEqualTo("store:" + imageKey);
    assertThat(staged.at("/audioFilePath").asString()).isEqualTo("store:" + audioKey);
    assertThat(staged.at("/audioTracks/0/path").asString()).isEqualTo("store:" + audioKey);
    assertThat(staged.at("/clips/1/layers/1/path").asString()).isEqualTo("https://cdn.example/x.png");
    assertThat(ObjectStoreJobFiles.keysOf(staged)).hasSize(3).contains(imageKey, audioKey);
    // Each distinct content once; the fetched remote copy is gone from the API's disk once stored.
    assertThat(store.list("inputs/")).hasSize(3);
    assertThat(incomingDir).doesNotExist();

    Path jobDir = Files.createDirectories(workerStorage.jobDir("j1"));
    JsonNode local = worker.fetchInputs("j1", staged, jobDir);
    Path fetchedImage = Path.of(local.at("/clips/0/layers/0/path").asString());
    assertThat(fetchedImage.getParent()).isEqualTo(jobDir.resolve("inputs"));
    assertThat(Files.readString(fetchedImage)).isEqualTo("png bytes");
    assertThat(Files.readString(Path.of(local.at("/audioTracks/0/path").asString()))).isEqualTo("mp3 bytes");
    assertThat(Files.readString(Path.of(local.at("/clips/1/layers/0/path").asString()))).isEqualTo("remote png");
    assertThat(local.at("/clips/1/layers/1/path").asString()).isEqualTo("https://cdn.example/x.png");
    assertThat(staged.at("/clips/0/layers/0/path").asString()).startsWith("store:"); // the queued spec is untouched

    // A second job with the same inputs is served from the worker's cache, even with the store emptied.
    for (ObjectStore.Info o : store.list("inputs/")) store.delete(o.key());
    Path job2 = Files.createDirectories(workerStorage.jobDir("j2"));
    JsonNode again = worker.fetchInputs("j2", staged, job2);
    assertThat(Files.readString(Path.of(again.at("/clips/0/layers/0/path").asString()))).isEqualTo("png bytes");

    worker.discard("j1");
    assertThat(jobDir).doesNotExist();
    assertThat(Files.readString(Path.of(again.at("/clips/0/layers/0/path").asString()))).isEqualTo("png bytes");
  }

  @Test
  void aSharedFolderStoreWorksTheSameWay() throws Exception {
    try (var folder = new dev.smelter.video.server.storage.objects.FolderObjectStore(tmp.resolve("nfs"))) {
      var apiSide = new ObjectStoreJobFiles(folder, apiStorage, new LocalCache(tmp.resolve("api/cache"), 1 << 20, Clock.systemUTC()), false,
          Duration.ofHours(1), Clock.systemUTC());
      var workerSide = new ObjectStoreJobFiles(folder, workerStorage, workerCache, true, Duration.ofHours(1), Clock.systemUTC());
      Path image = Files.write(apiStorage.uploadsDir().resolve("p.png"), "png".getBytes());
      Path audio = Files.write(apiStorage.uploadsDir().resolve("a.wav"), "wav".getBytes());
      JsonNode staged = apiSide.stageInputs("f1", spec(image, audio, image));
      assertThat(tmp.resolve("nfs/inputs").toFile().list()).hasSize(2);
      Path jobDir = Files.createDirectories(workerStorage.jobDir("f1"));
      JsonNode local = workerSide.fetchInputs("f1", staged, jobDir);
      assertThat(Files.readString(Path.of(local.at("/audioFilePath").asString()))).isEqualTo("wav");

      Path rendered = Files.write(jobDir.resolve("render.mp4"), "video".getBytes());
      workerSide.publishOutput("f.mp4", rendered);
      assertThat(Files.readString(tmp.resolve("nfs/outputs/f.mp4"))).isEqualTo("video");
      assertThat(Files.readString(workerStorage.outputsDir().resolve("f.mp4"))).isEqualTo("video"); // keep-local-outputs
    }
  }

  @Test
  void stagingTheSameContentAgainUploadsNothing() throws Exception {
    Path image = Files.write(apiStorage.uploadsDir().resolve("a.png"), "same".getBytes());
    String key = api.stage(image);
    Instant first = store.stat(key).orElseThrow().lastModified();
    Path copy = Files.write(apiStorage.uploadsDir().resolve("b.png"), "same".getBytes());
    assertThat(api.stage(copy)).isEqualTo(key);
    assertThat(store.stat(key).orElseThrow().lastModified()).isEqualTo(first);
    assertThat(store.list("inputs/")).hasSize(1);
  }

  @Test
  void aMissingInputFailsTheFetchWithItsKey() throws Exception {
    ObjectNode spec = (ObjectNode) JSON.readTree("{\"clips\":[{\"layers\":[{\"type\":\"image\",\"path\":\"store:inputs/deadbeef.png\"}]}]}");
    Path jobDir = Files.createDirectories(workerStorage.jobDir("j3"));
    assertThatThrownBy(() -> worker.fetchInputs("j3", spec, jobDir)).isInstanceOf(NoSuchObjectException.class)
        .hasMessageContaining("inputs/deadbeef.png is not in the object store (s3://");
    ObjectNode sneaky = (ObjectNode) JSON.readTree("{\"clips\":[{\"layers\":[{\"type\":\"image\",\"path\":\"store:outputs/other.mp4\"}]}]}");
    assertThatThrownBy(() -> worker.fetchInputs("j3", sneaky, jobDir)).hasMessageContaining("not a job input");
  }

  @Test
  void outputsArePublishedToTheStoreAndFoundByTheApi() throws Exception {
    Path rendered = Files.write(Files.createDirectories(workerStorage.jobDir("j4")).resolve("render.mp4"), "mp4 bytes".getBytes());
    worker.publishOutput("film.mp4", rendered);
    assertThat(rendered).doesNotExist();
    assertThat(workerStorage.outputsDir().resolve("film.mp4")).doesNotExist();
    assertThat(store.stat("outputs/film.mp4")).get().satisfies(i -> assertThat(i.size()).isEqualTo(9));

    var config = new ServiceProperties.ObjectStorage("s3://x", "", "us-east-1", true, "", "", ServiceProperties.ObjectStorage.Download.REDIRECT,
        Duration.ofMinutes(10), false, false, "", null);
    StoredFiles files = new StoredFiles(apiStorage, Optional.of(store), Optional.of(new LocalCache(tmp.resolve("api/cache"), 1 << 20,
        Clock.systemUTC())), config);
    assertThat(files.outputExists("film.mp4")).isTrue();
    assertThat(files.outputExists("none.mp4")).isFalse();
    Path served = files.output("film.mp4").orElseThrow();
    assertThat(Files.readString(served)).isEqualTo("mp4 bytes");
    assertThat(files.locate("film.mp4")).get().satisfies(l -> assertThat(l.location()).isEqualTo("outputs"));

    var redirect = files.redirect("film.mp4").orElseThrow();
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(redirect).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).isEqualTo("mp4 bytes");

    // A newer render under the same name replaces the cached copy (the cache entry is keyed by ETag).
    Path rerendered = Files.write(workerStorage.jobDir("j4").resolve("render.mp4"), "new mp4 bytes".getBytes());
    worker.publishOutput("film.mp4", rerendered);
    assertThat(Files.readString(files.output("film.mp4").orElseThrow())).isEqualTo("new mp4 bytes");
  }

  @Test
  void uploadsReceivedByAnotherApiNodeAreRestored() throws Exception {
    var config = new ServiceProperties.ObjectStorage("s3://x", "", "us-east-1", true, "", "", ServiceProperties.ObjectStorage.Download.PROXY,
        Duration.ofMinutes(10), false, false, "", null);
    Storage other = new Storage(props(tmp.resolve("api2")));
    StoredFiles node1 = new StoredFiles(apiStorage, Optional.of(store), Optional.empty(), config);
    StoredFiles node2 = new StoredFiles(other, Optional.of(store), Optional.empty(), config);
    node1.uploaded(Files.write(apiStorage.uploadsDir().resolve("files-1-2.png"), "up".getBytes()));
    Path there = other.uploadsDir().resolve("files-1-2.png");
    node2.restore(there);
    assertThat(Files.readString(there)).isEqualTo("up");
    node2.restore(other.uploadsDir().resolve("never-uploaded.png")); // nothing to fetch: no error
    assertThat(other.uploadsDir().resolve("never-uploaded.png")).doesNotExist();
  }

  @Test
  void retentionSweepsOldObjectsButNotInputsInUse() throws Exception {
    Path f = Files.write(tmp.resolve("f"), "x".getBytes());
    store.put("outputs/old.mp4", f);
    store.put("uploads/old.png", f);
    store.put("inputs/used.png", f);
    store.put("inputs/unused.png", f);
    var config = new ServiceProperties.ObjectStorage("s3://x", "", "us-east-1", true, "", "", ServiceProperties.ObjectStorage.Download.PROXY,
        Duration.ofMinutes(10), false, false, "", null);
    StoredFiles files = new StoredFiles(apiStorage, Optional.of(store), Optional.empty(), config);
    Instant future = Instant.now().plusSeconds(60);
    RetentionSweeper.Swept swept = files.sweep(future, future, Set.of("inputs/used.png"));
    assertThat(swept.filesDeleted()).isEqualTo(3);
    assertThat(store.list("").stream().map(ObjectStore.Info::key)).containsExactly("inputs/used.png");
    assertThat(files.sweep(Instant.now().minusSeconds(60), Instant.now().minusSeconds(60), Set.of()).filesDeleted()).isZero();
  }
}
