package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.render.media.FfmpegVideoReader;
import dev.smelter.video.render.media.VideoFrameReader;
import dev.smelter.video.spec.json.Json5Parser;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: exit codes, the JSON result, Editly's flags. */
class RenderCommandTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path spec(String json5) throws Exception {
    Path p = dir.resolve("spec.json5");
    Files.writeString(p, json5);
    return p;
  }

  private static JObject json(CliRun r) throws Exception {
    assertThat(r.out().lines()).as("one JSON document on stdout").hasSize(1);
    return (JObject) Json5Parser.parse(r.out());
  }

  private static double number(JObject o, String key) {
    return ((JNumber) o.get(key)).value();
  }

  private static String string(JObject o, String key) {
    return ((JString) o.get(key)).value();
  }

  @Test
  void rendersAndPrintsOneJsonResult() throws Exception {
    Path spec = spec("""
        // JSON5 with comments, and a key Editly does not know
        { width: 64, height: 112, fps: 10, outFormat: 'mp4',
          clips: [ { duration: 1, layers: [{ type: 'fill-color', color: 'red' }], transition: { name: 'random', duration: 0.2 } },
                   { duration: 1, layers: [{ type: 'title', text: 'Hi' }] }, ] }""");
    Path out = dir.resolve("o.mp4");
    CliRun r = run("render", spec.toString(), "--out", out.toString(), "--seed", "9", "--gpu", "off", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"ok\":true", "\"frames\":18", "\"seed\":9", "\"encoder\":\"libx264\"", "\"output\":\"" + out + "\"");
    JObject result = json(r);
    assertThat(number(result, "duration")).isEqualTo(1.8); // 18 frames at 10 fps
    assertThat(number(result, "audioDuration")).isZero();
    assertThat(out).isRegularFile();
    assertThat((long) number(result, "sizeBytes")).isEqualTo(Files.size(out)).isPositive();
    assertThat(number(result, "width")).isEqualTo(64);
    assertThat(number(result, "height")).isEqualTo(112);
    assertThat(string(result, "fps")).isEqualTo("10");
    assertThat(string(result, "gpu")).isEqualTo("cpu (skia raster)");
    assertThat(number(result, "wallMillis")).isPositive();
    assertThat(((JArray) result.get("warnings")).items()).containsExactly(new JString("outFormat: unknown key (ignored)"));
    assertThat(r.err()).as("--json keeps warnings out of stderr").doesNotContain("warning:");
  }

  @Test
  void undecodableImageFailsTheRenderWithExitOneAndLeavesNoFile() throws Exception {
    // a PNG header (planning checks it) over bytes no decoder reads: the render itself fails
    Files.write(dir.resolve("broken.png"), ("\u0089PNG\r\n\u001a\nthis is not a PNG at all").getBytes(StandardCharsets.ISO_8859_1));
    Path spec = spec("{ width: 64, height: 112, fps: 10, clips: [ { duration: 1, layers: [{ type: 'image', path: '"
        + dir.resolve("broken.png") + "' }] } ] }");
    Path out = dir.resolve("broken.mp4");
    CliRun r = run("render", spec.toString(), "--out", out.toString(), "--json");
    assertThat(r.code()).isEqualTo(1);
    JObject result = json(r);
    assertThat(result.get("ok")).isEqualTo(new JBool(false));
    assertThat(number(result, "exitCode")).isEqualTo(1);
    assertThat(string(result, "error")).startsWith("render failed: ").contains("broken.png");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no output, no temporary file").containsExactlyInAnyOrder("spec.json5", "broken.png");
    }

    CliRun text = run("render", spec.toString(), "--out", out.toString());
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.err()).startsWith("smelter-video: render failed: ");
  }

  @Test
  void fastPreviewRendersAboutTwoHundredFiftyPixelsAtFifteenFps() throws Exception {
    Path spec = spec("{ width: 64, height: 112, fps: 10, clips: [ { duration: 1, layers: [{ type: 'fill-color', color: 'red' }] } ] }");
    Path out = dir.resolve("fast.mp4");
    CliRun r = run("render", spec.toString(), "--out", out.toString(), "--fast", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    // Editly's fast mode keeps the aspect at ≈250 px: 250·√(64/112) → 188, 250·√(112/64) → 330 (even)
    assertThat(r.out()).contains("\"frames\":15", "\"width\":188", "\"height\":330", "\"fps\":\"15\"");
    MediaInfo.VideoStream video = new FfmpegProbe().probe(out).video().orElseThrow();
    assertThat(video.width()).isEqualTo(188);
    assertThat(video.height()).isEqualTo(330);
    assertThat(video.frameRate()).isEqualTo(new Rational(15, 1));
    int frames = 0;
    try (VideoFrameReader reader = FfmpegVideoReader.open(out, 0, Double.POSITIVE_INFINITY, 1, new Rational(15, 1), 188, 330, VideoFrameReader.Fit.STRETCH)) {
      ByteBuffer frame = ByteBuffer.allocateDirect(188 * 330 * 4);
      while (reader.read(frame.clear())) frames++;
    }
    assertThat(frames).isEqualTo(15);
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
      CliRun refused = run("render", spec.toString(), "--out", dir.resolve("r.mp4").toString());
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err()).contains("clips[0].layers[0].path: refused: 127.0.0.1 resolves to an internal address (127.0.0.1): " + url,
          "clips[1].layers[0].path: refused");
      assertThat(dir.resolve("r.mp4")).doesNotExist();
      assertThat(requests.get()).isZero();

      CliRun fetched = run("render", spec.toString(), "--out", dir.resolve("f.mp4").toString(), "--allow-private-urls", "--json");
      assertThat(fetched.code()).as(fetched.err()).isZero();
      assertThat(fetched.out()).contains("\"ok\":true", "\"frames\":15"); // 2 × 10 frames − the default 0.5 s fade
      assertThat(requests.get()).as("one download per URL").isEqualTo(1);

      Path noFlag = spec("{ width: 64, height: 112, fps: 10, clips: [ { duration: 0.5, layers: [{ type: 'image', path: '" + url + "' }] } ] }");
      assertThat(run("render", noFlag.toString(), "--out", dir.resolve("n.mp4").toString()).err())
          .contains("Remote requests are not allowed (" + url + "); set allowRemoteRequests: true");
      CliRun withFlag = run("render", noFlag.toString(), "--out", dir.resolve("n.mp4").toString(), "--allow-remote-requests", "--allow-private-urls", "--json");
      assertThat(withFlag.code()).as("Editly's --allow-remote-requests sets allowRemoteRequests: " + withFlag.out()).isZero();
      assertThat(withFlag.out()).contains("\"frames\":5");
      assertThat(requests.get()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void badInputExitsTwoAndListsEveryProblemWithItsPath() throws Exception {
    Path spec = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'image', path: 'nope.png' }, { type: 'title' }] } ] }");
    CliRun r = run("render", spec.toString(), "--out", dir.resolve("x.mp4").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("clips[0].layers[0].path: file not found: nope.png", "clips[0].layers[1].text: Please specify a text");
    assertThat(dir.resolve("x.mp4")).doesNotExist();
  }

  @Test
  void unknownEncodersAreBadInputBeforeRenderingWhetherFlagOrCustomOutputArgs() throws Exception {
    Path spec = spec("{ width: 64, height: 112, fps: 10, clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    CliRun flag = run("render", spec.toString(), "--out", dir.resolve("e.mp4").toString(), "--encoder", "libx265");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).contains("--encoder: unsupported encoder \"libx265\" (supported: h264_nvenc, h264_qsv, h264_vaapi, h264_vulkan, libx264)");

    Path args = spec("{ width: 64, height: 112, fps: 10, customOutputArgs: ['-c:v', 'h264_bogus'], clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    CliRun json = run("render", args.toString(), "--out", dir.resolve("e.mp4").toString(), "--encoder", "nope", "--json");
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.out()).contains("\"exitCode\":2", "\"path\":\"--encoder\"", "\"path\":\"customOutputArgs[1]\"",
        "unsupported video codec \\\"h264_bogus\\\"");
    assertThat(dir.resolve("e.mp4")).doesNotExist();
  }

  @Test
  void glLayersThatCannotBeDrawnAreRefusedAsBadInputNotMidRender() throws Exception {
    // with GL the shader fails to compile, without GL the layer cannot be drawn: both before any frame
    Path spec = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'gl', fragmentSrc: 'void main() { nope; }' }] } ] }");
    CliRun r = run("render", spec.toString(), "--out", dir.resolve("x.mp4").toString(), "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("\"path\":\"clips[0].layers[0]");
    assertThat(dir.resolve("x.mp4")).doesNotExist();
  }

  @Test
  void canvasAndFabricLayersAreRefusedBecauseTheyNeedJavaScript() throws Exception {
    Path spec = spec("{ width: 64, height: 112, clips: [ { layers: [{ type: 'canvas', func: 'x' }] }, { layers: [{ type: 'fabric' }] } ] }");
    CliRun r = run("render", spec.toString(), "--out", dir.resolve("x.mp4").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("clips[0].layers[0].func", "clips[1].layers[0].func", "JavaScript functions");
    assertThat(dir.resolve("x.mp4")).doesNotExist();
  }

  @Test
  void compareReportsFramesSsimAndAudioLevels() throws Exception {
    Tone.wav(dir.resolve("tone.wav"), 1);
    Path spec = spec("{ width: 64, height: 112, fps: 10, audioFilePath: '" + dir.resolve("tone.wav")
        + "', clips: [ { duration: 1, layers: [{ type: 'linear-gradient', colors: ['#ff0000', '#0000ff'] }, { type: 'subtitle', text: 'Hi' }] } ] }");
    Path out = dir.resolve("a.mp4");
    assertThat(run("render", spec.toString(), "--out", out.toString()).code()).isZero();
    CliRun r = run("compare", "--json", out.toString(), out.toString());
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
    CliRun r = run("render", spec.toString(), "--out", dir.resolve("f.mp4").toString(), "--json", "--width", "64", "--height", "112",
        "--fps", "10", "--clip-duration", "0.5", "--transition-name", "fade", "--transition-duration", "0.2");
    assertThat(r.code()).as(r.err()).isZero();
    // 2 clips × 5 frames − a 2-frame fade (the flags replaced defaults.transition: null).
    assertThat(r.out()).contains("\"frames\":8", "\"width\":64", "\"height\":112", "\"fps\":\"10\"");
  }

  @Test
  void customOutputArgsTheRenderCannotUseAreExit2WithTheirIndexAndProgramOnlyOnesWarn() throws Exception {
    Path bad = spec("{ width: 64, height: 112, fps: 10, audioNorm: false, customOutputArgs: ['-preset', 'fast', '-tunee', 'film', '-g', 'x'],"
        + " clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    CliRun refused = run("render", bad.toString(), "--out", dir.resolve("bad.mp4").toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("customOutputArgs[2]: unknown output option -tunee: no FFmpeg encoder, muxer or resampler has it",
        "customOutputArgs[5]: -g does not take \"x\"");
    assertThat(dir.resolve("bad.mp4")).doesNotExist();

    Path ok = spec("{ width: 64, height: 112, fps: 10, audioNorm: true, customOutputArgs: ['-y', '-c:v', 'libx264', '-g', '5', '-ar', '22050', '-ac', '1'],"
        + " clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    CliRun warned = run("render", ok.toString(), "--out", dir.resolve("ok.mp4").toString(), "--gpu", "off");
    assertThat(warned.code()).as(warned.err()).isZero();
    assertThat(warned.err()).contains("warning: customOutputArgs[0]: -y is an ffmpeg program switch", "warning: audioNorm: Editly reads only audioNorm.enable");
  }

  @Test
  void noSoundMeansNoAudioStreamUnlessTheSilentTrackIsAskedFor() throws Exception {
    Path spec = spec("{ width: 64, height: 112, fps: 10, keepSourceAudio: true, customOutputArgs: ['-ar', '22050', '-ac', '1'],"
        + " clips: [ { duration: 0.5, layers: [{ type: 'pause' }] } ] }");
    Path editly = dir.resolve("editly.mp4");
    assertThat(run("render", spec.toString(), "--out", editly.toString(), "--gpu", "off").code()).isZero();
    assertThat(FfmpegProbe.hasAudio(editly)).isFalse();
    Path silent = dir.resolve("silent.mp4");
    CliRun r = run("render", spec.toString(), "--out", silent.toString(), "--gpu", "off", "--silent-audio-track");
    assertThat(r.code()).as(r.err()).isZero();
    MediaInfo.AudioStream audio = new FfmpegProbe().probe(silent).audio().orElseThrow();
    assertThat(audio.sampleRate()).isEqualTo(22_050);
    assertThat(audio.channels()).isEqualTo(1);
  }
}
