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
  void remoteMediaIsFetchedWhenAllowedAndNeverFromInternalAddressesUnlessSaid() throws Exception {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", png);
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    server.createContext("/page.png", x -> {
      requests.incrementAndGet();
      x.sendResponseHeaders(200, png.size());
      x.getResponseBody().write(png.toByteArray());
      x.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page.png";
      Path spec = spec("{ width: 64, height: 112, fps: 10, allowRemoteRequests: true, clips: [ { duration: 1, layers: [{ type: 'image', path: '"
          + url + "' }] }, { duration: 1, layers: [{ type: 'image', path: '" + url + "' }] } ] }");
      Run refused = run("render", spec.toString(), "--out", dir.resolve("r.mp4").toString());
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err()).contains("clips[0].layers[0].path: refused: 127.0.0.1 resolves to an internal address (127.0.0.1): " + url,
          "clips[1].layers[0].path: refused");
      assertThat(dir.resolve("r.mp4")).doesNotExist();
      assertThat(requests.get()).isZero();

      Run fetched = run("render", spec.toString(), "--out", dir.resolve("f.mp4").toString(), "--allow-private-urls", "--json");
      assertThat(fetched.code()).as(fetched.err()).isZero();
      assertThat(fetched.out()).contains("\"ok\":true", "\"frames\":15"); // 2 × 10 frames − the default 0.5 s fade
      assertThat(requests.get()).as("one download per URL").isEqualTo(1);

      Path noFlag = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'image', path: '" + url + "' }] } ] }");
      assertThat(run("render", noFlag.toString(), "--out", dir.resolve("n.mp4").toString()).err())
          .contains("Remote requests are not allowed (" + url + "); set allowRemoteRequests: true");
    } finally {
      server.stop(0);
    }
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
  void unknownEncodersAreBadInputBeforeRenderingWhetherFlagOrCustomOutputArgs() throws Exception {
    Path spec = spec("{ width: 64, height: 112, fps: 10, clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    Run flag = run("render", spec.toString(), "--out", dir.resolve("e.mp4").toString(), "--encoder", "libx265");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).contains("--encoder: unsupported encoder \"libx265\" (supported: h264_nvenc, h264_qsv, h264_vaapi, h264_vulkan, libx264)");

    Path args = spec("{ width: 64, height: 112, fps: 10, customOutputArgs: ['-c:v', 'h264_bogus'], clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    Run json = run("render", args.toString(), "--out", dir.resolve("e.mp4").toString(), "--encoder", "nope", "--json");
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.out()).contains("\"exitCode\":2", "\"path\":\"--encoder\"", "\"path\":\"customOutputArgs[1]\"",
        "unsupported video codec \\\"h264_bogus\\\"");
    assertThat(dir.resolve("e.mp4")).doesNotExist();
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
  void compareReportsFramesSsimAndAudioLevels() throws Exception {
    // a 16-bit mono 440 Hz tone at half scale, 1 s
    int rate = 16000;
    java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + rate * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + rate * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(rate * 2);
    for (int k = 0; k < rate; k++) wav.putShort((short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 440 * k / rate)));
    Files.write(dir.resolve("tone.wav"), wav.array());
    Path spec = spec("{ width: 64, height: 112, fps: 10, audioFilePath: '" + dir.resolve("tone.wav")
        + "', clips: [ { duration: 1, layers: [{ type: 'linear-gradient', colors: ['#ff0000', '#0000ff'] }, { type: 'subtitle', text: 'Hi' }] } ] }");
    Path out = dir.resolve("a.mp4");
    assertThat(run("render", spec.toString(), "--out", out.toString()).code()).isZero();
    Run r = run("compare", "--json", out.toString(), out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"frames\":10", "\"referenceFrames\":10", "\"meanSsim\":1.0000", "\"audioLevelDifferenceDb\":0.000");
    assertThat(r.out()).containsPattern("\"audioRmsDb\":-[0-9.]+,");
    assertThat(run("compare", out.toString(), out.toString()).out()).contains("audio level", "difference 0.00 dB");
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
