package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: exit codes, the JSON result, Editly's flags. */
class RenderCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static synchronized Run run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path spec(String json5) throws Exception {
    Path p = dir.resolve("spec.json5");
    Files.writeString(p, json5);
    return p;
  }

  @Test
  void rendersAndPrintsOneJsonResult() throws Exception {
    Path spec = spec("""
        // JSON5 with comments
        { width: 64, height: 112, fps: 10,
          clips: [ { duration: 1, layers: [{ type: 'fill-color', color: 'red' }], transition: { name: 'random', duration: 0.2 } },
                   { duration: 1, layers: [{ type: 'title', text: 'Hi' }] }, ] }""");
    Path out = dir.resolve("o.mp4");
    Run r = run("render", spec.toString(), "--out", out.toString(), "--seed", "9", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"ok\":true", "\"frames\":18", "\"seed\":9", "\"encoder\":\"libx264\"", "\"output\":\"" + out + "\"");
    assertThat(out).isRegularFile();
  }

  @Test
  void badInputExitsTwoAndListsEveryProblemWithItsPath() throws Exception {
    Path spec = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'image', path: 'nope.png' }, { type: 'title' }] } ] }");
    Run r = run("render", spec.toString(), "--out", dir.resolve("x.mp4").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("clips[0].layers[0].path: file not found: nope.png", "clips[0].layers[1].text: Please specify a text");
    assertThat(dir.resolve("x.mp4")).doesNotExist();
  }

  @Test
  void glLayersThatCannotBeDrawnAreRefusedAsBadInputNotMidRender() throws Exception {
    // with GL the shader fails to compile, without GL the layer cannot be drawn: both before any frame
    Path spec = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'gl', fragmentSrc: 'void main() { nope; }' }] } ] }");
    Run r = run("render", spec.toString(), "--out", dir.resolve("x.mp4").toString(), "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("\"path\":\"clips[0].layers[0]");
    assertThat(dir.resolve("x.mp4")).doesNotExist();
  }

  @Test
  void canvasAndFabricLayersAreRefusedBecauseTheyNeedJavaScript() throws Exception {
    Path spec = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'canvas', func: 'x' }] }, { layers: [{ type: 'fabric' }] } ] }");
    Run r = run("render", spec.toString(), "--out", dir.resolve("x.mp4").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("clips[0].layers[0].func", "clips[1].layers[0].func", "JavaScript functions");
    assertThat(dir.resolve("x.mp4")).doesNotExist();
  }

  @Test
  void unreadableSpecExitsTwo() {
    assertThat(run("render", dir.resolve("missing.json5").toString()).code()).isEqualTo(2);
  }

  @Test
  void editlyFlagsOverrideTheSpecLikeEditlysCli() throws Exception {
    Path spec = spec("{ width: 640, height: 640, fps: 25, defaults: { transition: null }, clips: [ { layers: [{ type: 'pause' }] }, { layers: [{ type: 'pause' }] } ] }");
    Run r = run("render", spec.toString(), "--out", dir.resolve("f.mp4").toString(), "--json", "--width", "64", "--height", "112",
        "--fps", "10", "--clip-duration", "0.5", "--transition-name", "fade", "--transition-duration", "0.2");
    assertThat(r.code()).as(r.err()).isZero();
    // 2 clips × 5 frames − a 2-frame fade (the flags replaced defaults.transition: null).
    assertThat(r.out()).contains("\"frames\":8", "\"width\":64", "\"height\":112", "\"fps\":\"10\"");
  }
}
