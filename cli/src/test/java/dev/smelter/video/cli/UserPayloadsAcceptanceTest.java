package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.GpuMode;
import dev.smelter.video.render.RenderProgress;
import dev.smelter.video.render.Renderer;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.render.media.FfmpegVideoReader;
import dev.smelter.video.render.media.VideoFrameReader;
import dev.smelter.video.server.ServerApplication;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 13's acceptance test: every request body the user's workflows send (../shared/user-payloads
 * and its derived/ folder) goes through the path the user uses — {@code POST /edit} for the
 * editly_runpod bodies, {@code POST /jobs} for the videoeditor bodies, the CLI for a bare Editly spec —
 * and must answer 2xx with a playable MP4 of the frame count the spec implies.
 *
 * <p>It lives in the cli module because only here are all three entry points on the classpath (the
 * CLI depends on the server). What the test changes, as a deployment would, and nothing else:
 * <ul>
 *   <li>the output size is shrunk to at most 96 px (aspect kept, even sides), so 25 000 frames stay
 *       cheap on 2 cores; <b>fps and every duration stay as sent</b>, so frame counts are the real ones;
 *   <li>media the bodies name is generated under the same names (PNGs, WAV narrations under their
 *       .mp3/.wav names — FFmpeg reads by content —, 2 s MP4/MOV clips with sound made by the
 *       project's own renderer, DejaVu Serif as FreeSerif.ttf) and put where the service maps the paths:
 *       {@code /app/uploads/x}, {@code /uploads/x} and bare names in the upload folder,
 *       {@code /app/files/x} in the shared-files folder, as if uploaded earlier;
 *   <li>{@code /app/examples/assets/…} (Editly's example assets in the user's image) is rewritten to a
 *       media root configured with {@code smelter.security.media-roots}, as a deployment mounts it;
 *   <li>{@code https://host/path} is rewritten to {@code http://127.0.0.1:<port>/host/path}, a loopback
 *       origin serving the stand-ins, with {@code allow-remote}, {@code remote-hosts=127.0.0.1} and
 *       {@code allow-private-remote} (the loopback origin is private) set.
 * </ul>
 * The service runs with {@code smelter.encoding.allow-client-args=true} (the user's v3–v4 servers
 * applied the client's {@code customOutputArgs}), so the bodies' encoder arguments are exercised too.
 */
class UserPayloadsAcceptanceTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int MAX_SIDE = 96;
  private static final double VIDEO_SECONDS = 2;
  private static final Duration RENDER_LIMIT = Duration.ofMinutes(15);

  private static Path payloads;
  private static Path work;
  private static Path dataDir;
  private static Path mediaRoot;
  private static Path videoStandIn;
  private static double videoStandInSeconds;
  private static HttpServer origin;
  private static final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private static ConfigurableApplicationContext service;
  private static int port;
  private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** ../shared/user-payloads beside the clone (CI has a read-only copy there); missing is a failure, never a skip. */
  static Path locatePayloads() {
    List<Path> tried = new ArrayList<>();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/user-payloads");
      tried.add(candidate);
      if (Files.isDirectory(candidate.resolve("derived"))) return candidate;
    }
    throw new AssertionError("the user payloads (../shared/user-payloads beside the repository) are missing; looked in " + tried);
  }

  @BeforeAll
  static void start() throws Exception {
    payloads = locatePayloads();
    work = Files.createTempDirectory("smelter-acceptance");
    dataDir = Files.createDirectories(work.resolve("data"));
    Files.createDirectories(dataDir.resolve("uploads"));
    Files.createDirectories(dataDir.resolve("files"));
    mediaRoot = Files.createDirectories(work.resolve("app-examples-assets"));
    videoStandIn = makeVideo(work.resolve("stand-in.mp4"));
    videoStandInSeconds = new FfmpegProbe().probe(videoStandIn).video().orElseThrow().duration();

    origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext("/", exchange -> {
      byte[] body = served.get(exchange.getRequestURI().getRawPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    origin.start();

    service = ServerApplication.start("--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString(), "--slots", "2",
        "--smelter.security.allow-remote=true", "--smelter.security.allow-private-remote=true",
        "--smelter.security.remote-hosts=127.0.0.1", "--smelter.security.media-roots=" + mediaRoot,
        "--smelter.encoding.allow-client-args=true",
        "--smelter.worker.java-options=-XX:TieredStopAtLevel=1");
    port = ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (service != null) service.close();
    if (origin != null) origin.stop(0);
    if (work != null) dev.smelter.video.server.storage.Storage.deleteTree(work);
  }

  /** Which door a body goes through. */
  private enum Route { EDIT, JOBS, CLI, RUNPOD }

  private static Route route(String file, JsonNode body) {
    if (body.has("input")) return Route.RUNPOD;
    if (!body.has("editSpec") && body.has("outPath")) return Route.CLI;
    // The 32-page book is built to the shape of videoeditor's real n8n body (see the payloads' README).
    if (file.startsWith("videoeditor_") || file.startsWith("derived_carte-digitala")) return Route.JOBS;
    if (file.startsWith("editly_runpod_") || file.startsWith("derived_editly_runpod_")) return Route.EDIT;
    throw new AssertionError(file + ": a payload this test does not know how to send; give it a route");
  }

  @TestFactory
  Stream<DynamicTest> everyUserPayloadRendersThroughTheUsersPath() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> top = Files.list(payloads); Stream<Path> derived = Files.list(payloads.resolve("derived"))) {
      Stream.concat(top, derived).filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    assertThat(files).as("payload files").hasSizeGreaterThanOrEqualTo(34);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> send(f)));
  }

  private void send(Path file) throws Exception {
    String name = file.getFileName().toString();
    ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(file));
    Route route = route(name, body);
    Assumptions.assumeTrue(route != Route.RUNPOD,
        "RunPod serverless {input: …} body: served by the RunPod serverless handler of issue 15, not built yet");
    ObjectNode spec = route == Route.CLI ? body : body.get("editSpec") instanceof ObjectNode s ? s : body;
    boolean simple = route == Route.JOBS && !body.has("editSpec");
    if (route != Route.CLI) shrink(spec);
    provideMedia(body);
    int expected = expectedFrames(spec, route != Route.CLI, simple);
    Optional<Boolean> audio = expectedAudio(spec, body, route != Route.CLI, simple);

    Path output = work.resolve("out-" + name.replace(".json", "") + ".mp4");
    switch (route) {
      case EDIT -> {
        HttpResponse<String> r = post("/edit", body);
        assertThat(r.statusCode()).as("%s: %s", name, r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("message").asString()).isEqualTo("Video editing completed successfully");
        download(answer.get("downloadUrl").asString(), output);
      }
      case JOBS -> {
        HttpResponse<String> r = post("/jobs", body);
        assertThat(r.statusCode()).as("%s: %s", name, r.body()).isEqualTo(202);
        JsonNode done = awaitTerminal(JSON.readTree(r.body()).get("jobId").asString());
        assertThat(done.get("status").asString()).as("%s: %s", name, done).isEqualTo("completed");
        assertThat(done.get("result").get("frames").asInt()).as(name).isEqualTo(expected);
        download(done.get("result").get("downloadUrl").asString(), output);
      }
      case CLI -> {
        Path specFile = Files.writeString(work.resolve(name), body.toString());
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
          System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
          code = Main.run("render", specFile.toString(), "--out", output.toString(), "--json");
        } finally {
          System.setOut(oldOut);
        }
        assertThat(code).as("%s: %s", name, out).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("frames").asInt()).isEqualTo(expected);
      }
      case RUNPOD -> throw new AssertionError("unreachable");
    }
    assertPlayable(name, output, expected, audio);
  }

  // ---- what the spec implies ----

  /**
   * Σ round(dᵢ·fps) − Σ overlap frames of the transitions (docs/architecture.md), computed here from
   * the spec and the stand-ins' lengths, not from the planner. A clip lasts its (truthy) duration,
   * else its first video's cut length, else {@code defaults.duration}, else 4 s. A transition lasts
   * min(its duration, half of each neighbour), in frames no more than half of either neighbour.
   */
  static int expectedFrames(ObjectNode spec, boolean server, boolean simple) {
    boolean fast = !server && spec.path("fast").asBoolean(false);
    double fps = fast ? 15 : spec.get("fps") != null && spec.get("fps").isNumber() ? spec.get("fps").asDouble() : 25;
    JsonNode defaults = spec.path("defaults");
    List<Double> durations = new ArrayList<>();
    for (JsonNode clip : spec.get("clips")) {
      double d = clip.path("duration").asDouble(0);
      if (!(d > 0)) {
        Optional<JsonNode> video = simple && isVideoName(clip.path("path").asString(""))
            ? Optional.of(clip) : stream(clip.path("layers")).filter(l -> l.path("type").asString("").equals("video")).findFirst();
        if (video.isPresent()) {
          double from = video.get().path("cutFrom").asDouble(0);
          double to = video.get().has("cutTo") ? video.get().get("cutTo").asDouble() : videoStandInSeconds;
          d = to - from;
        } else {
          d = defaults.path("duration").asDouble(0) > 0 ? defaults.path("duration").asDouble() : 4;
        }
      }
      durations.add(d);
    }
    int total = 0;
    int[] frames = new int[durations.size()];
    for (int i = 0; i < frames.length; i++) total += frames[i] = (int) Math.round(durations.get(i) * fps);
    if (simple) return total; // the simple form has no transitions
    for (int i = 0; i + 1 < frames.length; i++) {
      JsonNode clip = spec.get("clips").get(i);
      JsonNode t = clip.has("transition") ? clip.get("transition") : defaults.has("transition") ? defaults.get("transition") : null;
      if (clip.has("transition") && t.isNull()) continue; // a hard cut
      double length;
      if (t == null) length = 0.5; // Editly's default transition: random, 0.5 s
      else if (t.isNull()) continue;
      else length = t.has("duration") ? t.get("duration").asDouble() : defaults.path("transition").path("duration").asDouble(0.5);
      double seconds = Math.min(Math.min(durations.get(i) / 2, durations.get(i + 1) / 2), length);
      total -= (int) Math.floor(Math.min(Math.min(frames[i], frames[i + 1]) / 2.0, Math.round(seconds * fps)));
    }
    return total;
  }

  /**
   * Where the answer is certain: sound in a clip (a layer without start/stop, kept: the service defaults {@code keepSourceAudio}
   * to true, except in videoeditor's simple form, the CLI to false), {@code audioFilePath} or {@code audioTracks} make an audio stream;
   * none of them and no {@code keepSourceAudio} make none. Clips without sound under
   * {@code keepSourceAudio} are left open (issue 13: Editly's silent bed vs. no stream).
   */
  static Optional<Boolean> expectedAudio(ObjectNode spec, ObjectNode body, boolean server, boolean simple) {
    JsonNode k = spec.get("keepSourceAudio");
    // The simple form keeps only audioFilePath's sound (videoeditor's rule); Editly bodies get the legacy default.
    boolean keep = k == null || k.isNull() ? server && !simple : k.asBoolean(false);
    boolean music = (simple ? body : spec).hasNonNull("audioFilePath") || (simple && body.hasNonNull("audioPath"))
        || (spec.get("audioTracks") instanceof ArrayNode a && !a.isEmpty());
    boolean clipSound = stream(spec.get("clips")).flatMap(c -> simple ? Stream.of(c) : stream(c.path("layers")))
        .anyMatch(l -> (l.path("type").asString("").matches("audio|video") && !windowed(l)) || (simple && isVideoName(l.path("path").asString(""))));
    if (music || (keep && clipSound)) return Optional.of(true);
    if (!keep) return Optional.of(false);
    return Optional.empty();
  }

  /** Editly drops the sound of a layer with a {@code start} or {@code stop} (docs/compatibility.md). */
  private static boolean windowed(JsonNode layer) {
    return layer.path("start").asDouble(0) != 0 || layer.has("stop");
  }

  // ---- the test's rewriting (documented in the class comment) ----

  /** At most {@value #MAX_SIDE} px, aspect kept, even sides; fps untouched. */
  private static void shrink(ObjectNode spec) {
    if (!spec.has("width") || !spec.has("height")) return;
    double w = spec.get("width").asDouble(), h = spec.get("height").asDouble();
    double scale = MAX_SIDE / Math.max(w, h);
    spec.put("width", Math.max(2, (int) Math.round(w * scale / 2) * 2));
    spec.put("height", Math.max(2, (int) Math.round(h * scale / 2) * 2));
  }

  /** Makes every file a body names, rewriting remote URLs and Editly's example assets (see the class comment). */
  private static void provideMedia(ObjectNode body) throws IOException {
    List<ObjectNode> owners = new ArrayList<>();
    clipDurations.clear();
    collectObjects(body, owners);
    for (ObjectNode o : owners) {
      for (String key : List.of("path", "fontPath", "audioFilePath", "audioPath", "imagePath")) {
        JsonNode v = o.get(key);
        if (v == null || !v.isString() || v.asString().isBlank()) continue;
        String value = v.asString();
        if (key.equals("fontPath") && !value.contains("/") && !value.contains(".")) continue; // a font name, not a file
        Kind kind = kind(key, value, o);
        byte[] content = content(kind, o);
        if (value.matches("(?i)https?://.*")) {
          URI u = URI.create(value);
          String local = "/" + u.getHost() + u.getRawPath();
          served.putIfAbsent(local, content);
          o.put(key, "http://127.0.0.1:" + origin.getAddress().getPort() + local + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
          continue;
        }
        Path target;
        if (value.startsWith("/app/examples/assets/")) {
          target = mediaRoot.resolve(value.substring("/app/examples/assets/".length()));
          o.put(key, target.toString());
        } else if (value.startsWith("/app/files/")) {
          target = dataDir.resolve("files").resolve(value.substring("/app/files/".length()));
        } else if (value.startsWith("/app/uploads/") || value.startsWith("/uploads/")) {
          target = dataDir.resolve("uploads").resolve(value.substring(value.indexOf("/uploads/") + "/uploads/".length()));
        } else if (!value.startsWith("/")) {
          target = dataDir.resolve("uploads").resolve(value);
        } else {
          throw new AssertionError("a media path this test cannot place: " + value);
        }
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) Files.write(target, content);
      }
    }
  }

  private enum Kind { IMAGE, AUDIO, VIDEO, FONT }

  private static Kind kind(String key, String value, ObjectNode owner) {
    String v = value.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
    if (key.equals("fontPath") || v.endsWith(".ttf") || v.endsWith(".otf")) return Kind.FONT;
    if (isVideoName(v)) return Kind.VIDEO;
    if (v.matches(".*\\.(mp3|wav|m4a|aac|ogg|flac)$") || key.equals("audioFilePath") || key.equals("audioPath")) return Kind.AUDIO;
    if (v.matches(".*\\.(png|jpe?g|webp|gif)$")) return Kind.IMAGE;
    return switch (owner.path("type").asString("")) {
      case "audio" -> Kind.AUDIO;
      case "video" -> Kind.VIDEO;
      default -> Kind.IMAGE; // placeholder image URLs have no extension
    };
  }

  private static boolean isVideoName(String path) {
    return path.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "").matches(".*\\.(mp4|mov|m4v|mkv|webm)$");
  }

  private static byte[] content(Kind kind, ObjectNode owner) throws IOException {
    return switch (kind) {
      case IMAGE -> png(160, 240);
      case VIDEO -> Files.readAllBytes(videoStandIn);
      case FONT -> Files.readAllBytes(font());
      // Narration as the production rule makes it: the clip lasts the audio's length + 0.5 s.
      case AUDIO -> wav(owner.has("type") ? Math.max(0.5, clipDurationOf(owner) - 0.5) : 5);
    };
  }

  /** The duration of the clip whose layers hold {@code layer}, found by identity; 3 s when unknown. */
  private static double clipDurationOf(ObjectNode layer) {
    return clipDurations.getOrDefault(layer, 3.0);
  }

  /** Layer → its clip's duration, for the payload being prepared (by identity: equal layers may sit in clips of other lengths). */
  private static final Map<JsonNode, Double> clipDurations = new java.util.IdentityHashMap<>();

  private static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
      if (o.get("layers") instanceof ArrayNode layers && o.path("duration").isNumber()) {
        for (JsonNode l : layers) clipDurations.put(l, o.get("duration").asDouble());
      }
      o.properties().forEach(e -> collectObjects(e.getValue(), out));
    } else if (node instanceof ArrayNode a) {
      a.forEach(n -> collectObjects(n, out));
    }
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    if (array != null) array.forEach(list::add);
    return list.stream();
  }

  // ---- stand-in media ----

  private static byte[] png(int width, int height) {
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(width, height))) {
      s.getCanvas().clear(0xFF3366CC);
      try (Image img = s.makeImageSnapshot()) {
        return img.encodeToData(EncodedImageFormat.PNG).getBytes();
      }
    }
  }

  /** 16-bit mono 16 kHz WAV, a 440 Hz tone. */
  private static byte[] wav(double seconds) {
    int rate = 16000, n = (int) Math.round(seconds * rate);
    ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + n * 2).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(n * 2);
    for (int k = 0; k < n; k++) b.putShort((short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 440 * k / rate)));
    return b.array();
  }

  /** A 2 s, 48×80, 30 fps H.264 clip with an AAC tone, made by the project's own renderer. */
  private static Path makeVideo(Path out) throws Exception {
    Path tone = Files.write(work.resolve("stand-in-tone.wav"), wav(VIDEO_SECONDS));
    String spec = """
        {"outPath":%s,"width":48,"height":80,"fps":30,"keepSourceAudio":true,"clips":[{"duration":%s,"layers":[
         {"type":"linear-gradient","colors":["#ff3300","#0033ff"]},{"type":"audio","path":%s}]}]}"""
        .formatted(JSON.writeValueAsString(out.toString()), VIDEO_SECONDS, JSON.writeValueAsString(tone.toString()));
    RenderPlan plan = new Planner(PlanOptions.defaults(), new FfmpegProbe()).plan(spec);
    Renderer.render(plan, new Renderer.Options(GpuMode.OFF, 1, RenderProgress.Listener.NONE));
    return out;
  }

  /** Editly's example font is FreeSerif; DejaVu Serif stands in (fontconfig's usual serif). */
  private static Path font() {
    for (String p : List.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/TTF/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) {
      if (Files.isRegularFile(Path.of(p))) return Path.of(p);
    }
    throw new AssertionError("no DejaVu font to stand in for FreeSerif.ttf (install fonts-dejavu-core)");
  }

  // ---- HTTP ----

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return client.send(request(path).timeout(RENDER_LIMIT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void download(String url, Path target) throws Exception {
    String path = url.startsWith("/") ? url : URI.create(url).getRawPath();
    HttpResponse<Path> r = client.send(request(path).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
    assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
  }

  /** Follows the job's server-sent events to its end, bounded by {@link #RENDER_LIMIT}. */
  private static JsonNode awaitTerminal(String id) throws Exception {
    CompletableFuture<JsonNode> found = new CompletableFuture<>();
    CompletableFuture<HttpResponse<java.io.InputStream>> response =
        client.sendAsync(request("/jobs/" + id + "/events").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(response.get().body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("data:")) continue;
          JsonNode job = JSON.readTree(line.substring(5));
          if (job.path("status").asString("").matches("completed|failed|cancelled")) {
            found.complete(job);
            return;
          }
        }
        found.completeExceptionally(new AssertionError("the event stream of job " + id + " ended before the job did"));
      } catch (Exception e) {
        found.completeExceptionally(e);
      }
    });
    try {
      return found.get(RENDER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      reader.interrupt();
      response.cancel(true);
    }
  }

  // ---- the output ----

  /** An MP4 whose every video frame decodes, as many as the spec implies, with sound where that is certain. */
  private static void assertPlayable(String name, Path mp4, int expected, Optional<Boolean> audio) throws Exception {
    assertThat(mp4).as(name).isNotEmptyFile();
    MediaInfo info = new FfmpegProbe().probe(mp4);
    MediaInfo.VideoStream video = info.video().orElseThrow(() -> new AssertionError(name + ": no video stream"));
    int frames = 0;
    try (VideoFrameReader reader = FfmpegVideoReader.open(mp4, 0, Double.POSITIVE_INFINITY, 1, video.frameRate(), video.width(),
        video.height(), VideoFrameReader.Fit.STRETCH)) {
      ByteBuffer frame = ByteBuffer.allocateDirect(video.width() * video.height() * 4);
      while (reader.read(frame.clear())) frames++;
    }
    assertThat(frames).as("%s: decoded frames", name).isEqualTo(expected);
    if (audio.isPresent()) assertThat(FfmpegProbe.hasAudio(mp4)).as("%s: audio stream", name).isEqualTo(audio.get());
  }
}
