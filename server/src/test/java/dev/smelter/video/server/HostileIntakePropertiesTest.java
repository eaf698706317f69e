package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21, "must show", through the HTTP intake: generated malformed and hostile request bodies
 * against {@code POST /jobs} of a real service. Every answer is 202 (queued) or a 4xx whose
 * problems all name a JSON path ({@code ""} for the root); never a 500, never a hang (the client's
 * timeout bounds each request), and nothing is left in the upload or work folders. The service is
 * an API node on Redis (its own key namespace, deleted afterwards) that renders nothing, so the
 * accepted jobs stay queued and the run costs only intake time.
 */
class HostileIntakePropertiesTest {
  private static final String NAMESPACE = "smelter-hostile-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private static TestServer server;
  private static int queued;
  private static int refused;

  @BeforeContainer
  static void start() throws Exception {
    server = TestServer.start(List.of("--slots", "0", "--redis", "redis://127.0.0.1:6379", "--smelter.redis.namespace=" + NAMESPACE,
        "--smelter.limits.text-length=2000"));
    Files.createDirectories(server.uploads());
    Files.writeString(server.uploads().resolve("text.jpg"), "<html>not an image</html>");
    Files.writeString(server.uploads().resolve("font.ttf"), "plain text");
    TestMedia.png(server.uploads().resolve("real.png"), 8, 8, 0xFF336699);
  }

  @AfterContainer
  static void stop() throws Exception {
    // both outcomes are frequent: a generator that degenerated would make the property vacuous
    assertThat(queued).as("queued").isGreaterThan(20);
    assertThat(refused).as("refused").isGreaterThan(400);
    try (Stream<Path> uploads = Files.list(server.uploads())) {
      assertThat(uploads.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("font.ttf", "real.png", "text.jpg");
    }
    Path work = server.dataDir.resolve("work");
    if (Files.isDirectory(work)) {
      try (Stream<Path> left = Files.list(work)) {
        assertThat(left.toList()).as("nothing staged for refused requests").isEmpty();
      }
    }
    server.context.close();
    try (RedisClient client = RedisClient.create("redis://127.0.0.1:6379"); StatefulRedisConnection<String, String> c = client.connect()) {
      List<String> keys = new ArrayList<>();
      ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(NAMESPACE + "*").limit(500)).forEachRemaining(keys::add);
      if (!keys.isEmpty()) c.sync().del(keys.toArray(String[]::new));
    }
  }

  @Property(tries = 800)
  void everyBodyIsQueuedOrRefusedWithPaths(@ForAll("bodies") String body) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> r = server.http.post("/jobs", body);
    assertThat(System.nanoTime() - started).as("answered within 5 s: %s", body).isLessThan(5_000_000_000L);
    assertThat(r.statusCode()).as("%s → %s", body, r.body()).isIn(202, 400, 413);
    JsonNode answer = Http.json(r);
    if (r.statusCode() == 202) {
      assertThat(answer.get("jobId").asString()).isNotBlank();
      queued++;
      return;
    }
    assertThat(answer.get("error").asString()).isNotBlank();
    refused++;
    if (r.statusCode() == 400) {
      assertThat(answer.get("problems").isArray()).as("problems of %s", r.body()).isTrue();
      assertThat(answer.get("problems").size()).isPositive();
      for (JsonNode p : answer.get("problems")) {
        assertThat(p.get("path").asString()).as("path in %s", r.body()).matches("|[A-Za-z_$][A-Za-z0-9_$]*(\\[\\d+]|\\.[^.\\[\\]]+)*");
        assertThat(p.get("message").asString()).isNotBlank();
      }
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> spec = spec();
    return Arbitraries.frequencyOf(
        Tuple.of(4, spec.map(s -> "{\"editSpec\": " + s + ", \"outputFilename\": \"x.mp4\"}")),
        Tuple.of(2, spec.map(s -> "{\"editSpec\": " + quoted(s) + "}")), // the spec as a JSON string (n8n)
        Tuple.of(2, spec),
        Tuple.of(1, Combinators.combine(value(), value(), value()).as((path, duration, name) ->
            "{\"clips\": [{\"imagePath\": " + path + ", \"duration\": " + duration + "}], \"outputFilename\": " + name + "}")),
        Tuple.of(1, Combinators.combine(value(), value(), value()).as((hook, callback, priority) ->
            "{\"editSpec\": {\"clips\": [{\"layers\": [{\"type\": \"pause\"}]}]}, \"webhookUrl\": " + hook + ", \"callback\": " + callback
                + ", \"priority\": " + priority + "}")),
        Tuple.of(1, spec.flatMap(HostileIntakePropertiesTest::mangled)),
        Tuple.of(1, value()));
  }

  /** Mostly sane specs in which some members are hostile or missing, so both outcomes stay frequent. */
  private static Arbitrary<String> spec() {
    Arbitrary<String> layer = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("\"title\"", "\"subtitle\"", "\"fill-color\"", "\"pause\"")),
                Tuple.of(1, Arbitraries.of("\"image\"", "\"image-overlay\"", "\"video\"", "\"bogus\"", "3"))),
            member("text", "\"hi\""), member("path", "\"real.png\""), member("fontPath", "null"))
        .as((type, text, path, font) -> object("\"type\": " + type, text, path, font));
    Arbitrary<String> clip = Combinators.combine(member("duration", "0.2", "1"), layer.list().ofMinSize(1).ofMaxSize(2))
        .as((d, ls) -> object(d, "\"layers\": [" + String.join(",", ls) + "]"));
    return Combinators.combine(member("width", "64"), member("fps", "10", "25"), member("outPath", "\"x.mp4\""),
            member("defaults", "{}"), clip.list().ofMinSize(1).ofMaxSize(3))
        .as((w, fps, outPath, defaults, clips) -> object(w, fps, outPath, defaults, "\"clips\": [" + String.join(",", clips) + "]"));
  }

  /** {@code "key": value} with a sane value (mostly), a hostile one, or nothing. */
  private static Arbitrary<String> member(String key, String... sane) {
    return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(sane)), Tuple.of(1, value()), Tuple.of(2, Arbitraries.just("")))
        .map(v -> v.isEmpty() ? "" : "\"" + key + "\": " + v);
  }

  private static String object(String... members) {
    return "{" + String.join(", ", java.util.Arrays.stream(members).filter(m -> !m.isEmpty()).toList()) + "}";
  }

  /** Any JSON value, biased to the hostile and to the sane (so that some bodies are queued). */
  private static Arbitrary<String> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of("null", "1", "64", "0.5", "\"hi\"", "\"real.png\"", "{}")),
        Tuple.of(3, Arbitraries.of("true", "[]", "0", "-1", "1e308", "1e-9", "2147483648", "\"30\"", "\"\"", "\"\\ud800\"", "\"a\\u0000b\"",
            "\"\\udc00\\ud83d\\ude00\"", "\"text.jpg\"", "\"font.ttf\"", "\"../../etc/passwd\"", "\"/etc/passwd\"", "\"missing.png\"",
            "\"http://127.0.0.1:1/x.png\"", "\"http://169.254.169.254/latest\"", "\"file:///etc/passwd\"", "\"x\\r\\ny\"")),
        Tuple.of(1, Arbitraries.integers().between(2_000, 2_100).map(n -> "\"" + "w".repeat(n) + "\"")),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(20).map(HostileIntakePropertiesTest::quoted)));
  }

  /** A JSON string literal of {@code s}, every character escaped (lone surrogates stay escapes). */
  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) sb.append(String.format("\\u%04x", (int) c));
    return sb.append('"').toString();
  }

  private static Arbitrary<String> mangled(String text) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, Math.max(0, text.length() - 1));
    return Arbitraries.oneOf(at.map(i -> text.substring(0, i)),
        Combinators.combine(at, Arbitraries.of("{", "}", "]", ",", "\"", "\\", "\u0000")).as((i, junk) -> text.substring(0, i) + junk + text.substring(i)));
  }
}
