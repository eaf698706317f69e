package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.render.media.FfmpegProbe;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy {@code editly_runpod} API on a real port, driven with the user's real {@code /edit}
 * bodies (media generated here; the size is overridden to 64×112 @10 fps so renders stay fast).
 */
class LegacyApiTest {
  static TestServer server;
  static Http http;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.shared();
    http = server.http;
  }

  /** Loads a saved user payload, makes the media it names, shrinks the output size. */
  private static ObjectNode payload(String name) throws Exception {
    ObjectNode body;
    try (InputStream in = LegacyApiTest.class.getResourceAsStream("/payloads/" + name)) {
      body = (ObjectNode) Http.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    ObjectNode spec = (ObjectNode) body.get("editSpec");
    spec.put("width", 64).put("height", 112).put("fps", 10);
    Pattern file = Pattern.compile("\"(/(?:app/uploads|uploads|app/files)/([^\"]+))\"");
    Matcher m = file.matcher(spec.toString());
    while (m.find()) {
      String path = m.group(1);
      Path local = (path.startsWith("/app/files/") ? server.dataDir.resolve("files") : server.uploads()).resolve(m.group(2));
      if (Files.exists(local)) continue;
      if (path.toLowerCase(Locale.ROOT).endsWith(".png")) TestMedia.png(local, 48, 72, 0xFF3366CC);
      else TestMedia.wav(local, 3.0);
    }
    return body;
  }

  private static double probeDuration(byte[] mp4, Path dir) throws Exception {
    Path f = Files.write(dir.resolve("downloaded.mp4"), mp4);
    MediaInfo info = new FfmpegProbe().probe(f);
    return info.video().orElseThrow().duration();
  }

  @Test
  void productionPayloadAnswersTheExactSuccessBodyAndADownloadableMp4() throws Exception {
    ObjectNode body = payload("payload-standard.json");
    // Narration as long as the production rule makes it (clip − 0.5 s): a 3 s stand-in in the 7.84 s
    // clip would be slowed below 0.5×, which Editly turns into silence, and a silent-only spec has no
    // audio stream at all.
    TestMedia.wav(server.uploads().resolve("files-1754038347566-184717591.mp3"), 7.34);
    HttpResponse<String> r = http.post("/edit", body.toString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"message\":\"Video editing completed successfully\","
        + "\"outputPath\":\"/outputs/carte_digitala_optimizata.mp4\",\"outputFilename\":\"carte_digitala_optimizata.mp4\","
        + "\"downloadUrl\":\"" + TestServer.EXTERNAL + "/download/carte_digitala_optimizata.mp4\"}");

    HttpResponse<byte[]> mp4 = http.getBytes("/download/carte_digitala_optimizata.mp4");
    assertThat(mp4.statusCode()).isEqualTo(200);
    assertThat(mp4.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(mp4.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"carte_digitala_optimizata.mp4\"");
    // duration 7.840375 s at 10 fps = round(78.40375) = 78 frames = 7.8 s
    assertThat(probeDuration(mp4.body(), tmp)).isCloseTo(7.8, org.assertj.core.data.Offset.offset(0.01));
    // The payload does not set keepSourceAudio: the server defaults it to true, so the narration plays.
    assertThat(FfmpegProbe.hasAudio(tmp.resolve("downloaded.mp4"))).isTrue();
  }

  @Test
  void anExplicitKeepSourceAudioFalseIsRespected() throws Exception {
    ObjectNode body = payload("payload-standard.json");
    ((ObjectNode) body.get("editSpec")).put("keepSourceAudio", false);
    body.put("outputFilename", "carte_mute.mp4");
    assertThat(http.post("/edit", body.toString()).statusCode()).isEqualTo(200);
    Path f = Files.write(tmp.resolve("mute.mp4"), http.getBytes("/download/carte_mute.mp4").body());
    assertThat(FfmpegProbe.hasAudio(f)).isFalse();
  }

  @Test
  void exampleWithSharedFilesFastFlagAndExtraKeysRendersAtFullLength() throws Exception {
    // /app/files paths, fast:true (ignored), customOutputArgs (server-controlled), outFormat etc. (ignored)
    ObjectNode body = payload("n8n-example-payload.json");
    HttpResponse<String> r = http.post("/edit", body.toString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Http.json(r).get("message").asString()).isEqualTo("Video editing completed successfully");
    HttpResponse<byte[]> mp4 = http.getBytes("/download/carte_digitala_example.mp4");
    // two clips of 8 s, no transitions: 160 frames at 10 fps (fast:true would have meant 15 fps)
    assertThat(probeDuration(mp4.body(), tmp)).isCloseTo(16.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void realN8nBodyWithStatsAndUploadsPathsAlsoWorksAsAJsonString() throws Exception {
    ObjectNode body = payload("n8n-real-payload.json");
    ObjectNode spec = (ObjectNode) body.get("editSpec");
    // keep two of the six pages: same shape, faster
    tools.jackson.databind.node.ArrayNode clips = (tools.jackson.databind.node.ArrayNode) spec.get("clips");
    while (clips.size() > 2) clips.remove(clips.size() - 1);
    body.put("editSpec", spec.toString()); // n8n's key/value body sometimes sends the object as a string
    body.put("outputFilename", "carte_digitala_string.mp4");

    HttpResponse<String> r = http.post("/edit", body.toString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    HttpResponse<byte[]> mp4 = http.getBytes("/download/carte_digitala_string.mp4");
    // 11.314688 + 11.628125 s → 113 + 116 frames
    assertThat(probeDuration(mp4.body(), tmp)).isCloseTo(22.9, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void uploadThenMetadataThenEditAsTheN8nFlowDoes() throws Exception {
    HttpResponse<String> png = http.upload("/upload", "files", "page1.png",
        Files.readAllBytes(TestMedia.png(tmp.resolve("p.png"), 48, 72, 0xFFCC3333)));
    HttpResponse<String> mp3 = http.upload("/upload", "files", "narration.mp3", TestMedia.wav(2.25));
    assertThat(png.statusCode()).as(png.body()).isEqualTo(200);
    JsonNode image = Http.json(png).get("files").get(0);
    JsonNode audio = Http.json(mp3).get("files").get(0);
    assertThat(Http.json(png).get("message").asString()).isEqualTo("Files uploaded successfully");
    assertThat(image.get("originalName").asString()).isEqualTo("page1.png");
    assertThat(image.get("filename").asString()).matches("files-\\d{13}-\\d{1,10}\\.png");
    assertThat(image.get("path").asString()).isEqualTo("/app/uploads/" + image.get("filename").asString());
    assertThat(image.get("url").asString()).isEqualTo("/uploads/" + image.get("filename").asString());
    assertThat(audio.get("size").asLong()).isEqualTo(TestMedia.wav(2.25).length);

    JsonNode meta = Http.json(http.get("/metadata/" + audio.get("filename").asString()));
    assertThat(meta.get("fileLocation").asString()).isEqualTo("uploads");
    assertThat(meta.get("duration").asDouble()).isCloseTo(2.25, org.assertj.core.data.Offset.offset(0.001));
    assertThat(meta.get("audio").get("sample_rate").asInt()).isEqualTo(16000);
    assertThat(meta.get("video").isNull()).isTrue();

    double clip = Math.round((meta.get("duration").asDouble() + 0.5) * 1e6) / 1e6; // the production "+0.5 s" rule
    String edit = """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":%s,"layers":[
          {"type":"image","path":"%s","resizeMode":"cover","start":0,"stop":%s},
          {"type":"audio","path":"%s","start":0,"mixVolume":1}]}],
          "defaults":{"transition":null,"duration":1},"keepSourceAudio":true,"customOutputArgs":["-preset","medium","-pix_fmt","yuv420p"]},
         "outputFilename":"carte_flow.mp4","stats":{"totalPages":1}}""".formatted(clip, image.get("path").asString(), clip,
        audio.get("path").asString());
    HttpResponse<String> r = http.post("/edit", edit);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    JsonNode outMeta = Http.json(http.get("/metadata/carte_flow.mp4"));
    assertThat(outMeta.get("fileLocation").asString()).isEqualTo("outputs");
    assertThat(outMeta.get("video").get("width").asInt()).isEqualTo(64);
    assertThat(outMeta.get("video").get("fps").asInt()).isEqualTo(10);
    assertThat(outMeta.get("audio").isNull()).isFalse(); // keepSourceAudio kept the narration
    HttpResponse<byte[]> part = http.getBytes("/download/carte_flow.mp4", "Range", "bytes=0-99");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).hasSize(100);
  }

  @Test
  void simultaneousEditCallsQueueAndAllSucceed() throws Exception {
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var calls = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
      for (int i = 0; i < 6; i++) {
        String body = "{\"editSpec\":" + JobApiTest.tinySpec("gray", 0.3) + ",\"outputFilename\":\"sync-" + i + ".mp4\"}";
        calls.add(pool.submit(() -> http.post("/edit", body)));
      }
      for (int i = 0; i < calls.size(); i++) {
        HttpResponse<String> r = calls.get(i).get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.json(r).get("outputFilename").asString()).isEqualTo("sync-" + i + ".mp4");
      }
    }
  }

  @Test
  void legacyErrorBodies() throws Exception {
    assertThat(http.post("/edit", "{\"outputFilename\":\"x.mp4\"}").body()).isEqualTo("{\"error\":\"editSpec is required\"}");
    assertThat(http.get("/nothing-here").body()).isEqualTo("{\"error\":\"Endpoint not found\"}");
    assertThat(http.get("/download/missing.mp4").body()).isEqualTo("{\"error\":\"File not found\"}");
    assertThat(http.get("/metadata/missing.mp3").body()).isEqualTo(
        "{\"error\":\"File not found\",\"message\":\"File 'missing.mp3' not found in outputs or uploads directories\"}");
    assertThat(http.post("/audio-info", "{}").body()).isEqualTo("{\"error\":\"audioPath is required\"}");
    // A file that is there but is no media (ffprobe would exit non-zero), and one that is not there: the legacy 404.
    Files.write(server.uploads().resolve("not-audio.mp3"), "this is not an audio file".getBytes(StandardCharsets.UTF_8));
    for (String missingOrUnreadable : new String[] {"/app/uploads/not-audio.mp3", "/app/uploads/no-such-file.mp3"}) {
      HttpResponse<String> audio = http.post("/audio-info", "{\"audioPath\":\"" + missingOrUnreadable + "\"}");
      assertThat(audio.statusCode()).as(audio.body()).isEqualTo(404);
      JsonNode body = Http.json(audio);
      assertThat(body.propertyNames()).containsExactly("error", "audioPath", "details");
      assertThat(body.get("error").asString()).isEqualTo("Could not read audio file");
      assertThat(body.get("audioPath").asString()).isEqualTo(missingOrUnreadable);
      assertThat(body.get("details").asString()).isNotBlank().doesNotContain("\tat ");
    }
    assertThat(http.post("/upload", "{}").body()).isEqualTo("{\"error\":\"No files uploaded\"}");
    assertThat(http.upload("/upload", "wrong-field", "a.png", new byte[] {1}).body()).isEqualTo("{\"error\":\"No files uploaded\"}");
    HttpResponse<String> failing = http.post("/edit", "{\"editSpec\":{\"width\":64,\"height\":112,\"clips\":[{\"layers\":"
        + "[{\"type\":\"image\",\"path\":\"/app/uploads/none.png\"}]}]}}");
    assertThat(failing.statusCode()).isEqualTo(400);
    assertThat(Http.json(failing).get("error").asString()).isEqualTo("Video editing failed");
    assertThat(Http.json(failing).get("details").asString()).contains("editSpec.clips[0].layers[0].path");
    assertThat(failing.body()).doesNotContain("at dev.smelter", "Exception");
  }

  @Test
  void healthInfoAudioInfoFilesDiskUsage() throws Exception {
    JsonNode health = Http.json(http.get("/health"));
    assertThat(health.get("status").asString()).isEqualTo("ok");
    assertThat(health.get("service").asString()).isEqualTo("editly-api");
    assertThat(health.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(Http.json(http.get("/info")).get("service").asString()).isEqualTo("Editly Video Editor API");

    Files.write(server.uploads().resolve("voice-info.mp3"), TestMedia.wav(1.234));
    JsonNode info = Http.json(http.post("/audio-info", "{\"audioPath\":\"/app/uploads/voice-info.mp3\"}"));
    assertThat(info.get("success").asBoolean()).isTrue();
    assertThat(info.get("duration").asDouble()).isEqualTo(1.23);
    assertThat(info.get("hasAudio").asBoolean()).isTrue();
    assertThat(info.get("channels").asInt()).isEqualTo(1);

    JsonNode files = Http.json(http.get("/files"));
    assertThat(files.get("count").asInt()).isEqualTo(files.get("files").size());
    JsonNode usage = Http.json(http.get("/disk-usage"));
    assertThat(usage.propertyNames()).containsExactly("success", "diskUsage", "cleanupAfterHours");
    assertThat(usage.get("success").asBoolean()).isTrue();
    assertThat(usage.get("diskUsage").propertyNames()).containsExactly("/outputs", "/app/uploads", "/tmp", "/app/temp", "/app/files");
    for (JsonNode folder : usage.get("diskUsage")) {
      assertThat(folder.propertyNames()).containsExactly("files", "totalSize");
      assertThat(folder.get("files").isIntegralNumber() && folder.get("totalSize").isIntegralNumber()).as(folder.toString()).isTrue();
    }
    assertThat(usage.get("diskUsage").get("/app/uploads").get("files").asInt()).isPositive();
    assertThat(usage.get("cleanupAfterHours").isIntegralNumber()).isTrue();
    assertThat(usage.get("cleanupAfterHours").asInt()).isEqualTo(2);
    assertThat(http.get("/openapi.yaml").body()).startsWith("openapi: 3.1.0").contains("/jobs/{id}/events:");
    JsonNode cleanup = Http.json(http.post("/cleanup", ""));
    assertThat(cleanup.get("message").asString()).isEqualTo("Cleanup completed");
  }

  /**
   * Issue 21: concurrent calls never share an output. Six calls without {@code outputFilename} get six
   * generated names; six calls asking for the same name while the others are in flight get
   * {@code same.mp4}, {@code same-2.mp4}, …; every download is the video its own call asked for
   * (each has its own duration).
   */
  @Test
  void concurrentCallsNeverOverwriteEachOthersOutput() throws Exception {
    int n = 6;
    List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
    List<Double> seconds = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      // The same-name calls first: all of them are submitted long before the first render ends.
      for (int i = 0; i < 2 * n; i++) {
        double d = 1.0 + 0.1 * i;
        seconds.add(d);
        String name = i < n ? ",\"outputFilename\":\"same-name.mp4\"" : "";
        String body = "{\"editSpec\":" + JobApiTest.tinySpec("gray", d) + name + "}";
        calls.add(pool.submit(() -> http.post("/edit", body)));
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      for (int i = 0; i < calls.size(); i++) {
        HttpResponse<String> r = calls.get(i).get(180, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String name = Http.json(r).get("outputFilename").asString();
        assertThat(Http.json(r).get("downloadUrl").asString()).isEqualTo(TestServer.EXTERNAL + "/download/" + name);
        if (i < n) assertThat(name).matches("same-name(-[2-9])?\\.mp4");
        else assertThat(name).matches("output-\\d+-[0-9a-f]{11,12}\\.mp4");
        names.add(name);
        HttpResponse<byte[]> mp4 = http.getBytes("/download/" + name);
        Path dir = Files.createDirectories(tmp.resolve("call-" + i));
        assertThat(probeDuration(mp4.body(), dir)).as("the video of call " + i + " (" + name + ")")
            .isCloseTo(seconds.get(i), org.assertj.core.data.Offset.offset(0.01));
      }
      assertThat(names).hasSize(2 * n);
    }
  }
}
