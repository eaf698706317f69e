package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.Problem;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service's encoder arguments ({@code smelter.encoding.server-args}) are checked when it starts,
 * not blamed on a client later; a client's {@code customOutputArgs} keep their own indices behind
 * them; {@code smelter.encoding.silent-audio-track} keeps a silent track where Editly writes none.
 */
class EncoderArgsServiceTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(List.of("--smelter.encoding.allow-client-args=true", "--smelter.encoding.server-args=-ar,22050,-g,5",
        "--smelter.encoding.silent-audio-track=true"));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.context.close();
  }

  @Test
  void badServerArgsStopTheStartNamingTheSetting() {
    assertThat(EncoderArgsCheck.problems(List.of("-preset", "fast", "-tunee", "film", "-g", "x"))).extracting(Problem::toString).containsExactly(
        "smelter.encoding.server-args[2]: unknown output option -tunee: no FFmpeg encoder, muxer or resampler has it",
        "smelter.encoding.server-args[5]: -g does not take \"x\" (Invalid argument)");
    assertThat(EncoderArgsCheck.problems(List.of("-preset", "fast", "-movflags", "+faststart"))).isEmpty();
    Throwable failure = catchThrowable(() -> TestServer.start(List.of("--smelter.encoding.server-args=-crf,18,-tunee,film")));
    assertThat(failure).isNotNull();
    Throwable root = failure;
    while (root.getCause() != null) root = root.getCause();
    assertThat(root).hasMessage("bad encoder arguments in smelter.encoding.server-args: "
        + "smelter.encoding.server-args[2]: unknown output option -tunee: no FFmpeg encoder, muxer or resampler has it");
  }

  @Test
  void aClientsBadArgumentIsNamedWithItsIndexInTheClientsArray() throws Exception {
    HttpResponse<String> r = server.http.post("/jobs", """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"fill-color"}]}],
         "customOutputArgs":["-crf","20","-tunee","film","-y"]}}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode problems = Http.json(r).get("problems");
    assertThat(problems.valueStream().map(p -> p.get("path").asString() + ": " + p.get("message").asString()).toList())
        .containsExactly("editSpec.customOutputArgs[2]: unknown output option -tunee: no FFmpeg encoder, muxer or resampler has it");
  }

  @Test
  void serverAndClientArgsBothShowInTheOutputAndWarningsKeepTheClientsIndex() throws Exception {
    Path voice = TestMedia.wav(server.uploads().resolve("encoder-args-voice.wav"), 1.0);
    HttpResponse<String> r = server.http.post("/jobs", """
        {"editSpec":{"width":64,"height":112,"fps":10,"keepSourceAudio":true,
         "clips":[{"duration":1,"layers":[{"type":"fill-color"},{"type":"audio","path":"%s"}]}],
         "customOutputArgs":["-ac","1","-y","-c:a","copy"]}}""".formatted(voice.getFileName()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode accepted = Http.json(r);
    // (warnings name the spec's own paths, without the editSpec. prefix problems carry)
    assertThat(accepted.get("warnings").valueStream().map(JsonNode::asString).toList())
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[2]: -y is an ffmpeg program switch").doesNotContain("[6]"))
        .anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[4]: \"copy\" has no input stream to copy"));
    Path file = finishedOutput(accepted.get("jobId").asString());
    var audio = new FfmpegProbe().probe(file).audio().orElseThrow();
    assertThat(audio.sampleRate()).as("server's -ar").isEqualTo(22_050);
    assertThat(audio.channels()).as("client's -ac").isEqualTo(1);
  }

  @Test
  void theSilentTrackSettingKeepsAnAudioStreamEditlyWouldNotWrite() throws Exception {
    String silent = """
        {"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":1,"layers":[{"type":"fill-color"}]}]}}""";
    HttpResponse<String> withFlag = server.http.post("/jobs", silent);
    assertThat(withFlag.statusCode()).as(withFlag.body()).isEqualTo(202);
    assertThat(FfmpegProbe.hasAudio(finishedOutput(Http.json(withFlag).get("jobId").asString()))).isTrue();
    // the default (Editly's rule): no clip and no track has sound → no audio stream
    TestServer plain = TestServer.shared();
    HttpResponse<String> without = plain.http.post("/jobs", silent);
    assertThat(without.statusCode()).as(without.body()).isEqualTo(202);
    String id = Http.json(without).get("jobId").asString();
    JsonNode done = plain.http.awaitTerminal(id, Duration.ofMinutes(2));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    Path out = plain.outputs().resolve(done.get("outputFilename").asString());
    assertThat(Files.exists(out)).isTrue();
    assertThat(FfmpegProbe.hasAudio(out)).isFalse();
  }

  private static Path finishedOutput(String id) throws Exception {
    JsonNode done = server.http.awaitTerminal(id, Duration.ofMinutes(2));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    return server.outputs().resolve(done.get("outputFilename").asString());
  }
}
