package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.storage.objects.ObjectStore;
import dev.smelter.video.server.storage.objects.S3ObjectStore;
import dev.smelter.video.server.storage.objects.S3TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service with {@code --storage s3://…} against a real S3 server on loopback: uploads, staged
 * inputs and outputs land in the bucket, renders read their inputs from the worker cache, and
 * {@code /download}, {@code /metadata} and pre-signed result URLs serve what only the bucket holds.
 */
class ObjectStorageServiceTest {
  static TestServer server;
  static Http http;
  static S3ObjectStore bucket;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    String name = s3.newBucket();
    bucket = s3.store(name, "");
    server = TestServer.start(List.of("--storage", s3.url(name),
        "--smelter.storage.access-key=" + S3TestServer.ACCESS_KEY, "--smelter.storage.secret-key=" + S3TestServer.SECRET_KEY,
        "--smelter.storage.presign-results=true", "--smelter.storage.cache-size=50MB"));
    http = server.http;
  }

  @AfterAll
  static void stop() {
    if (server != null) server.context.close();
    if (bucket != null) bucket.close();
  }

  @Test
  void aJobReadsItsInputsFromTheBucketAndItsOutputIsServedFromThere() throws Exception {
    byte[] pngBytes = Files.readAllBytes(TestMedia.png(tmp.resolve("p.png"), 48, 72, 0xFF3366CC));
    byte[] wavBytes = TestMedia.wav(1.0);
    JsonNode png = Http.json(http.upload("/upload", "files", "page.png", pngBytes));
    JsonNode wav = Http.json(http.upload("/upload", "files", "voice.wav", wavBytes));
    String pngName = png.at("/files/0/filename").asString();
    assertThat(bucket.exists("uploads/" + pngName)).isTrue();

    String body = """
        {"editSpec":{"width":64,"height":112,"fps":10,"keepSourceAudio":true,"defaults":{"transition":null},
          "clips":[{"duration":1,"layers":[{"type":"image","path":"%s","resizeMode":"cover"},{"type":"audio","path":"%s"}]}]},
         "outputFilename":"fleet-film.mp4"}""".formatted(png.at("/files/0/path").asString(), wav.at("/files/0/path").asString());
    HttpResponse<String> submitted = http.post("/jobs", body);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonNode done = http.awaitTerminal(Http.json(submitted).get("jobId").asString(), Duration.ofSeconds(90));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");

    // Inputs staged by content, output in the bucket only (workers keep no local copy by default).
    assertThat(bucket.list("inputs/").stream().map(ObjectStore.Info::key)).contains("inputs/" + sha256(pngBytes) + ".png",
        "inputs/" + sha256(wavBytes) + ".wav");
    ObjectStore.Info output = bucket.stat("outputs/fleet-film.mp4").orElseThrow();
    assertThat(server.outputs().resolve("fleet-film.mp4")).doesNotExist();
    Path inBucket = tmp.resolve("bucket.mp4");
    bucket.get("outputs/fleet-film.mp4", inBucket);
    byte[] expected = Files.readAllBytes(inBucket);
    assertThat(expected.length).isEqualTo(output.size());
    assertThat(FfmpegProbe.hasAudio(inBucket)).isTrue();

    HttpResponse<byte[]> mp4 = http.getBytes("/download/fleet-film.mp4");
    assertThat(mp4.statusCode()).isEqualTo(200);
    assertThat(mp4.body()).isEqualTo(expected);
    HttpResponse<byte[]> range = http.getBytes("/download/fleet-film.mp4", "Range", "bytes=10-109");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(expected, 10, 110));

    JsonNode meta = Http.json(http.get("/metadata/fleet-film.mp4"));
    assertThat(meta.get("fileLocation").asString()).isEqualTo("outputs");
    assertThat(meta.at("/video/width").asInt()).isEqualTo(64);
    assertThat(meta.get("duration").asDouble()).isBetween(0.9, 1.2);
    assertThat(http.get("/files").body()).contains("\"filename\":\"fleet-film.mp4\"");

    // The result's downloadUrl is pre-signed: any HTTP client gets the bytes straight from the bucket.
    String url = done.at("/result/downloadUrl").asString();
    assertThat(url).startsWith(S3TestServer.shared().endpoint.toString()).contains("X-Amz-Signature=");
    HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(direct.body()).isEqualTo(expected);
  }

  private static String sha256(byte[] b) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void legacyEditWaitsForAnOutputThatOnlyTheBucketHolds() throws Exception {
    Path image = TestMedia.png(server.uploads().resolve("legacy-page.png"), 48, 72, 0xFF22AA44);
    HttpResponse<String> r = http.post("/edit", """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":0.5,"layers":[{"type":"image","path":"/app/uploads/%s"}]}]},
         "outputFilename":"legacy-fleet.mp4"}""".formatted(image.getFileName()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Http.json(r).get("message").asString()).isEqualTo("Video editing completed successfully");
    assertThat(bucket.exists("outputs/legacy-fleet.mp4")).isTrue();
  }

  @Test
  void redirectModeSendsDownloadsStraightToTheBucket() throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    String name = s3.newBucket();
    TestServer redirecting = TestServer.start(List.of("--storage", s3.url(name),
        "--smelter.storage.access-key=" + S3TestServer.ACCESS_KEY, "--smelter.storage.secret-key=" + S3TestServer.SECRET_KEY,
        "--smelter.storage.download=redirect"));
    try (S3ObjectStore other = s3.store(name, "")) {
      byte[] video = TestMedia.wav(0.2); // any bytes: only the transport is under test
      other.put("outputs/made-elsewhere.mp4", Files.write(tmp.resolve("v"), video));

      HttpResponse<byte[]> r = redirecting.http.getBytes("/download/made-elsewhere.mp4");
      assertThat(r.statusCode()).isEqualTo(302);
      URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
      assertThat(location.toString()).startsWith(s3.endpoint + "/" + name + "/outputs/made-elsewhere.mp4?").contains("X-Amz-Signature=");
      HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(direct.body()).isEqualTo(video);
      assertThat(redirecting.http.getBytes("/download/nowhere.mp4").statusCode()).isEqualTo(404);
    } finally {
      redirecting.context.close();
    }
  }

  @Test
  void aJobWhoseInputIsMissingFromTheBucketFailsClearly() throws Exception {
    JobQueue queue = server.context.getBean(JobQueue.class);
    JsonNode spec = Http.JSON.readTree("""
        {"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"image","path":"store:inputs/0000deadbeef.png"}]}]}""");
    String id = queue.submit(new JobRequest(spec, "never.mp4", Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty()))
        .job().id();
    JsonNode done = http.awaitTerminal(id, Duration.ofSeconds(30));
    assertThat(done.get("status").asString()).isEqualTo("failed");
    assertThat(done.get("error").asString()).contains("inputs/0000deadbeef.png is not in the object store");
    assertThat(done.get("attempts").asInt()).isEqualTo(1);
  }
}
