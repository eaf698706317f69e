package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.render.quality.AudioLevel;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Narration timing in the service: Editly's stretch (the default) silences a clip whose narration
 * would need a tempo outside 0.5–100× and says so in the job's warnings; {@code audioTiming: "pad"}
 * (per job, or the service's {@code smelter.audio-timing}) keeps it at normal speed.
 */
class AudioTimingServiceTest {
  static TestServer server;
  static Http http;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.shared();
    http = server.http;
    // 0.3 s of narration in a 1 s clip: Editly's atempo would be 0.3, below its 0.5 floor.
    TestMedia.wav(server.uploads().resolve("short-narration.wav"), 0.3);
  }

  private static String spec() {
    return """
        {"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"fill-color","color":"#336699"},
        {"type":"audio","path":"/uploads/short-narration.wav"}]}]}""";
  }

  private OptionalDouble level(TestServer s, String name) throws Exception {
    Path f = Files.write(tmp.resolve(name), s.http.getBytes("/download/" + name).body());
    return AudioLevel.rmsDb(f, 1.0);
  }

  @Test
  void stretchIsTheDefaultAndTheSilencedNarrationIsAWarningOfTheJob() throws Exception {
    HttpResponse<String> r = http.post("/jobs", "{\"editSpec\":" + spec() + ",\"outputFilename\":\"timing-stretch.mp4\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(Http.json(r).get("warnings").toString()).contains("clips[0].layers[1]", "outside 0.5–100×", "audioTiming");
    JsonNode done = http.awaitTerminal(Http.json(r).get("jobId").asString(), Duration.ofSeconds(120));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.get("warnings")).singleElement().asString().contains("clips[0].layers[1]", "0.300×", "outside 0.5–100×");
    assertThat(done.get("result").get("warnings")).hasSize(1);
    // Editly's behaviour: the clip's sound is dropped; with every clip silent and no track, Editly
    // writes no audio stream at all.
    Path out = Files.write(tmp.resolve("timing-stretch.mp4"), http.getBytes("/download/timing-stretch.mp4").body());
    assertThat(FfmpegProbe.hasAudio(out)).isFalse();
  }

  @Test
  void padPerJobKeepsTheNarrationWithoutAWarning() throws Exception {
    HttpResponse<String> r = http.post("/jobs", "{\"editSpec\":" + spec() + ",\"outputFilename\":\"timing-pad.mp4\",\"audioTiming\":\"pad\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(Http.json(r).has("warnings")).as(r.body()).isFalse();
    JsonNode done = http.awaitTerminal(Http.json(r).get("jobId").asString(), Duration.ofSeconds(120));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.get("warnings")).isEmpty();
    // A 0.3 s tone of RMS ≈ -13.5 dBFS in 1 s of output: about -18.7 dBFS over the whole second.
    assertThat(level(server, "timing-pad.mp4").orElseThrow()).isBetween(-25.0, -14.0);
  }

  @Test
  void theLegacyEditBodyTakesTheSameField() throws Exception {
    HttpResponse<String> r = http.post("/edit", "{\"editSpec\":" + spec() + ",\"outputFilename\":\"timing-edit-pad.mp4\",\"audioTiming\":\"PAD\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(level(server, "timing-edit-pad.mp4").orElseThrow()).isBetween(-25.0, -14.0);
  }

  @Test
  void anUnknownTimingIsRefusedWithItsPath() throws Exception {
    HttpResponse<String> r = http.post("/jobs", "{\"editSpec\":" + spec() + ",\"audioTiming\":\"slow\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"audioTiming\"", "stretch", "pad");
    HttpResponse<String> inSpec = http.post("/jobs", "{\"editSpec\":" + spec().replace("\"fps\":10", "\"fps\":10,\"audioTiming\":7") + "}");
    assertThat(inSpec.statusCode()).isEqualTo(400);
    assertThat(inSpec.body()).contains("editSpec.audioTiming");
  }

  @Test
  void theServiceDefaultCanBePadAndAJobCanStillAskForStretch() throws Exception {
    TestServer padded = TestServer.start(List.of("--smelter.audio-timing=pad", "--slots", "1"));
    try {
      TestMedia.wav(padded.uploads().resolve("short-narration.wav"), 0.3);
      HttpResponse<String> r = padded.http.post("/edit", "{\"editSpec\":" + spec() + ",\"outputFilename\":\"default-pad.mp4\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(level(padded, "default-pad.mp4").orElseThrow()).isBetween(-25.0, -14.0);
      HttpResponse<String> s = padded.http.post("/jobs", "{\"editSpec\":" + spec() + ",\"audioTiming\":\"stretch\"}");
      assertThat(s.statusCode()).as(s.body()).isEqualTo(202);
      assertThat(Http.json(s).get("warnings").toString()).contains("outside 0.5–100×");
    } finally {
      padded.context.close();
    }
  }

  @Test
  void aMisspeltDefaultStopsTheStartUp() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(List.of("--smelter.audio-timing=slow", "--slots", "1")))
        .rootCause().hasMessageContaining("smelter.audio-timing must be 'stretch' or 'pad', not 'slow'");
  }
}
