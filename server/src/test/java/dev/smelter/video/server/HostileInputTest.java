package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 21 at the service: surrogates, limits, undecodable uploads, JSON5 editSpec text, NUL paths, GET /error. */
class HostileInputTest {
  static TestServer server;
  static Http http;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.shared();
    http = server.http;
  }

  private static JsonNode problem(HttpResponse<String> r, String path) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    for (JsonNode p : Http.json(r).get("problems")) {
      if (p.get("path").asString().equals(path)) return p;
    }
    throw new AssertionError("no problem at " + path + " in " + r.body());
  }

  @Test
  void aLoneSurrogateInATitleRendersInsteadOfCrashingTheWorker() throws Exception {
    HttpResponse<String> r = http.post("/jobs", """
        {"editSpec":{"width":64,"height":64,"fps":10,"clips":[{"duration":0.3,"layers":[{"type":"title","text":"\\ud800"},
          {"type":"subtitle","text":"a\\udc00"}]}]},"metadata":{"note":"\\ud800"}}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode done = http.awaitTerminal(Http.json(r).get("jobId").asString(), Duration.ofSeconds(120));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.get("attempts").asInt()).isEqualTo(1);
    assertThat(done.get("metadata").get("note").asString()).isEqualTo("\uFFFD");
    try (Stream<Path> files = Files.walk(server.dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err") || n.contains(".partial-"));
    }
  }

  @Test
  void limitsAnswer400WithTheJsonPath() throws Exception {
    assertThat(problem(http.post("/edit", "{\"editSpec\":{\"fps\":1e308,\"clips\":[{\"layers\":[{\"type\":\"pause\"}]}]}}"), "editSpec.fps")
        .get("message").asString()).isEqualTo("must be at most 240 (got 1.0E308)");
    String title = "t".repeat(10_001);
    assertThat(problem(http.post("/jobs", "{\"clips\":[{\"layers\":[{\"type\":\"title\",\"text\":\"" + title + "\"}]}]}"),
        "clips[0].layers[0].text").get("message").asString()).isEqualTo("text of 10001 characters is over the limit of 10000");
  }

  @Test
  void undecodableImagesAndNonFontsAreRefusedAtIntake() throws Exception {
    String image = Http.json(http.upload("/upload", "files", "page.png", "<html>gateway timeout</html>".getBytes()))
        .get("files").get(0).get("filename").asString();
    String font = Http.json(http.upload("/upload", "files", "font.ttf", "not a font".getBytes()))
        .get("files").get(0).get("filename").asString();
    HttpResponse<String> r = http.post("/edit", """
        {"editSpec":{"clips":[{"layers":[{"type":"image","path":"/app/uploads/%s"},{"type":"title","text":"x","fontPath":"/app/uploads/%s"}]}]}}"""
        .formatted(image, font));
    assertThat(problem(r, "editSpec.clips[0].layers[0].path").get("message").asString()).startsWith("not an image file");
    assertThat(problem(r, "editSpec.clips[0].layers[1].fontPath").get("message").asString()).startsWith("not a font file");
    assertThat(Http.json(r).get("error").asString()).isEqualTo("Video editing failed");
  }

  @Test
  void editSpecMayBeJson5TextAndBadTextIsNamedAccurately() throws Exception {
    // comments, single quotes, unquoted keys and trailing commas: a spec file's text, as n8n may send it
    HttpResponse<String> ok = http.post("/edit", """
        {"editSpec":"{width: 64, height: 64, fps: 10, /* n8n */ clips: [{duration: 0.2, layers: [{type: 'fill-color', color: 'red'},]}],}",
         "outputFilename":"json5-text.mp4"}""");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(Http.json(ok).get("outputFilename").asString()).isEqualTo("json5-text.mp4");

    HttpResponse<String> bad = http.post("/edit", "{\"editSpec\":\"{clips: [\"}");
    assertThat(problem(bad, "editSpec").get("message").asString()).startsWith("not valid JSON or JSON5 text: ");
    HttpResponse<String> notObject = http.post("/jobs", "{\"editSpec\":\"[1, 2]\"}");
    assertThat(problem(notObject, "editSpec").get("message").asString()).isEqualTo("the text must hold a JSON object, got an array");
    // absent stays the legacy answer, byte for byte
    assertThat(http.post("/edit", "{}").body()).isEqualTo("{\"error\":\"editSpec is required\"}");
  }

  @Test
  void defaultsOfTheWrongTypeAreRefusedInTheSimpleFormToo() throws Exception {
    HttpResponse<String> r = http.post("/jobs", "{\"defaults\":\"fast\",\"clips\":[{\"imagePath\":\"missing.png\",\"duration\":1}]}");
    assertThat(problem(r, "defaults").get("message").asString()).isEqualTo("expected an object but got a string \"fast\"");
  }

  @Test
  void aNulByteInAPathIsA400NotA500() throws Exception {
    HttpResponse<String> r = http.post("/jobs", "{\"clips\":[{\"layers\":[{\"type\":\"image\",\"path\":\"a\\u0000b.png\"}]}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("clips[0].layers[0].path");
  }

  @Test
  void aLimitThatIsNotPositiveStopsTheServiceAtStartUp() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerApplication.start("--port", "0", "--host", "127.0.0.1", "--data-dir",
        Files.createTempDirectory("smelter-bad-limit").toString(), "--smelter.limits.fps=0")).hasStackTraceContaining("every limit must be positive");
  }

  @Test
  void getErrorIsAnUnknownEndpoint() throws Exception {
    HttpResponse<String> r = http.get("/error");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).isEqualTo("{\"error\":\"Endpoint not found\"}");
  }
}
