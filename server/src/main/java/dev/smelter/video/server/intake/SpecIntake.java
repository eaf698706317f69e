package dev.smelter.video.server.intake;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.RenderEngine;
import dev.smelter.video.render.fetch.RemoteFetcher;
import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.job.Callback;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.OutputNames;
import dev.smelter.video.server.net.HostResolver;
import dev.smelter.video.server.net.TargetGuard;
import dev.smelter.video.server.webhook.WebhookDispatcher;
import dev.smelter.video.server.storage.Storage;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.SpecException;
import dev.smelter.video.spec.SpecReader;
import dev.smelter.video.spec.json.Json5Parser;
import dev.smelter.video.spec.json.Json5SyntaxException;
import dev.smelter.video.spec.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a request body into a validated {@link JobRequest}, before anything is queued: finds the
 * spec (legacy {@code editSpec}, spec fields at the top level, or the simple {@code clips} form),
 * applies the legacy server's rewriting, confines and maps every media path, fetches allowed remote
 * media, plans the spec to catch every problem with its JSON path, and checks the limits.
 */
public final class SpecIntake {
  /** Keys of a /jobs body that are about the job, not the spec. */
  private static final List<String> JOB_KEYS = List.of("editSpec", "outputFilename", "webhookUrl", "callbackUrl", "callback_url",
      "callback", "progressUrl", "metadata", "priority", "idempotencyKey", "stats", "gpu", "audioPath", AudioTimings.SPEC_KEY);

  /** An HTTP token (RFC 9110 §5.6.2). */
  private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** The result: a request to queue, or every problem found. */
  public sealed interface Outcome {}

  public record Accepted(JobRequest request, List<String> warnings) implements Outcome {}

  public record Invalid(List<Problem> problems) implements Outcome {}

  private final ServiceProperties props;
  private final Storage storage;
  private final MediaPaths paths;
  private final RemoteFetcher fetcher;
  private final RenderEngine engine;
  private final ObjectMapper json;
  private final java.util.function.Consumer<Path> beforeUse;
  private final RemoteHosts remoteHosts;
  private final TargetGuard webhookTargets;
  private final dev.smelter.video.spec.SpecLimits limits;

  public SpecIntake(ServiceProperties props, Storage storage, MediaPaths paths, RemoteFetcher fetcher, RenderEngine engine, ObjectMapper json) {
    this(props, storage, paths, fetcher, engine, json, p -> {});
  }

  /** {@code beforeUse} sees every local media file first (fleet mode fetches uploads another API node received). */
  public SpecIntake(ServiceProperties props, Storage storage, MediaPaths paths, RemoteFetcher fetcher, RenderEngine engine, ObjectMapper json,
      java.util.function.Consumer<Path> beforeUse) {
    this.beforeUse = beforeUse;
    this.props = props;
    this.limits = props.limits().spec(); // a limit that is not positive stops the service here, at start-up
    this.storage = storage;
    this.paths = paths;
    this.fetcher = fetcher;
    this.engine = engine;
    this.json = json;
    this.remoteHosts = new RemoteHosts(props.security().allowRemote(), props.security().remoteHosts());
    this.webhookTargets = WebhookDispatcher.guard(props.webhook(), HostResolver.system());
  }

  /** {@code POST /edit}: {@code {editSpec, outputFilename?}}; other keys are ignored, as before. */
  public Outcome legacy(JsonNode body) throws InterruptedException {
    body = WellFormedJson.of(body);
    List<Problem> unreadable = new ArrayList<>();
    Optional<ObjectNode> spec = editSpec(body, unreadable);
    if (!unreadable.isEmpty()) return new Invalid(unreadable);
    if (spec.isEmpty()) return new Invalid(List.of(new Problem("editSpec", "editSpec is required")));
    Optional<String> name = text(body, "outputFilename");
    String output = name.orElse(OutputNames.generated(".mp4"));
    return prepare(spec.get(), "editSpec.", output, body, true);
  }

  /** {@code POST /jobs}: {@code editSpec}, or the spec at the top level, or the simple clips form. */
  public Outcome job(JsonNode body) throws InterruptedException {
    if (!(WellFormedJson.of(body) instanceof ObjectNode root)) return new Invalid(List.of(new Problem("", "the body must be a JSON object")));
    List<Problem> unreadable = new ArrayList<>();
    Optional<ObjectNode> spec = editSpec(root, unreadable);
    if (!unreadable.isEmpty()) return new Invalid(unreadable);
    String prefix = "editSpec.";
    if (spec.isEmpty()) {
      if (root.has("editSpec")) return new Invalid(List.of(new Problem("editSpec", "must be an object (or a JSON/JSON5 text of one)")));
      ObjectNode top = root.deepCopy();
      JOB_KEYS.forEach(top::remove);
      spec = Optional.of(SimpleFormat.isSimple(top) ? SimpleFormat.toEditly(top, root) : top);
      prefix = "";
    }
    String output = text(root, "outputFilename").orElse(OutputNames.generated(".mp4"));
    return prepare(spec.get(), prefix, output, root, false);
  }

  /**
   * The spec object. n8n's key/value bodies sometimes send it as a string: JSON, or JSON5 as a spec
   * file holds it (comments, single quotes, trailing commas), read by the spec parser. Text that is
   * neither is a problem at {@code editSpec} saying why (not "editSpec is required").
   */
  private Optional<ObjectNode> editSpec(JsonNode body, List<Problem> problems) {
    JsonNode s = body == null ? null : body.get("editSpec");
    if (s instanceof ObjectNode o) return Optional.of(o.deepCopy());
    if (s != null && s.isString() && !s.asString().isBlank()) {
      try {
        JsonValue parsed = Json5Parser.parse(s.asString());
        if (!(parsed instanceof JsonValue.JObject)) {
          problems.add(new Problem("editSpec", "the text must hold a JSON object, got " + JsonValue.describe(parsed)));
          return Optional.empty();
        }
        return Optional.of((ObjectNode) json.readTree(JsonValue.toJson(parsed)));
      } catch (Json5SyntaxException e) {
        problems.add(new Problem("editSpec", "not valid JSON or JSON5 text: " + e.getMessage()));
      } catch (JacksonException e) {
        problems.add(new Problem("editSpec", "cannot be read: " + e.getOriginalMessage()));
      }
    }
    return Optional.empty();
  }

  private Outcome prepare(ObjectNode spec, String prefix, String outputFilename, JsonNode body, boolean legacy)
      throws InterruptedException {
    List<Problem> problems = new ArrayList<>();
    if (!Storage.safeName(outputFilename)) problems.add(new Problem("outputFilename", "must be a plain file name (no folders)"));
    AudioPlan.Timing timing = audioTiming(body, spec, prefix, problems);
    rewrite(spec);
    JsonNode clips = spec.get("clips");
    if (clips instanceof ArrayNode a && a.size() > props.limits().clips()) {
      problems.add(new Problem(prefix + "clips", "too many clips (" + a.size() + " > limit " + props.limits().clips() + ")"));
    }
    Optional<Callback> callback = legacy ? Optional.empty() : callback(body, problems);
    Optional<String> progressUrl = legacy ? Optional.empty() : text(body, "progressUrl")
        .or(() -> body.get("callback") instanceof ObjectNode c ? text(c, "progressUrl") : Optional.empty());
    progressUrl.ifPresent(u -> checkUrl(u, "progressUrl", problems));
    int priority = 0;
    if (!legacy && body.has("priority")) {
      if (body.get("priority").isIntegralNumber() && body.get("priority").canConvertToInt()) priority = body.get("priority").asInt();
      else problems.add(new Problem("priority", "must be an integer (a 32-bit one)"));
    }
    // Every problem is collected (job fields, media paths, the plan, the limits) and answered together.
    Path staging = null;
    // Media that was refused is planned as a file that is not there: the planner never reads what the
    // path named, and its own "file not found" for that path is dropped (the refusal says it already).
    Set<String> refused = new HashSet<>();
    Path absent = storage.uploadsDir().resolve(".refused-" + UUID.randomUUID());
    for (MediaField f : MediaField.all(spec)) {
      Optional<String> refusal = switch (paths.resolve(f.value())) {
        case MediaPaths.Local l -> {
          beforeUse.accept(l.file());
          f.set(l.file().toString());
          yield Optional.empty();
        }
        case MediaPaths.Refused r -> Optional.of(r.reason() + ": " + f.value());
        case MediaPaths.Remote r when remoteHosts.refusal(r.uri()).isPresent() ->
            Optional.of(remoteHosts.refusal(r.uri()).get() + ": " + f.value());
        case MediaPaths.Remote r -> {
          try {
            if (staging == null) staging = Files.createDirectories(storage.jobDir(Storage.INCOMING + UUID.randomUUID()));
            Path target = staging.resolve(problems.size() + "-" + f.hashCode() + "-" + remoteName(r.uri()));
            f.set(fetcher.fetch(r.uri(), target).toString());
            yield Optional.empty();
          } catch (RemoteFetcher.RefusedException e) {
            yield Optional.of(e.getMessage() + ": " + f.value());
          } catch (IOException e) {
            yield Optional.of("cannot download " + f.value() + ": " + e.getMessage());
          }
        }
      };
      if (refusal.isPresent()) {
        problems.add(new Problem(prefix + f.path(), refusal.get()));
        refused.add(f.path());
        f.set(absent.toString());
      }
    }
    Optional<RenderPlan> plan = Optional.empty();
    try {
      PlanOptions options = PlanOptions.defaults().withBaseDir(storage.uploadsDir()).withAudioTiming(timing).withLimits(limits)
          .withServerOutputArgs(props.encoding().serverArgs()).withSilentAudioTrack(props.encoding().silentAudioTrack());
      plan = Optional.of(engine.plan(SpecReader.parse(json.writeValueAsString(spec)), options));
    } catch (SpecException e) {
      e.problems().stream().filter(p -> !refused.contains(p.path())).forEach(p -> problems.add(new Problem(prefix + p.path(), p.message())));
    }
    if (!problems.isEmpty()) return invalid(List.copyOf(new java.util.LinkedHashSet<>(problems)), staging); // the clip count may be said twice
    withServerArgs(spec);
    Optional<JsonNode> metadata = Optional.ofNullable(body.get("metadata"));
    Optional<String> key = legacy ? Optional.empty() : text(body, "idempotencyKey");
    // Stored with the job, so a job queued before the setting changes still renders as it was accepted.
    spec.put(AudioTimings.SPEC_KEY, AudioTimings.wire(timing));
    return new Accepted(new JobRequest(spec, outputFilename, callback, progressUrl, metadata, priority, key), plan.orElseThrow().warnings());
  }

  /**
   * Narration timing: the body's {@code audioTiming} (beside {@code editSpec}), else one inside the
   * spec, else the service's {@code smelter.audio-timing}. Always taken out of the spec: Editly has
   * no such key, and the worker gets it beside the spec.
   */
  private AudioPlan.Timing audioTiming(JsonNode body, ObjectNode spec, String prefix, List<Problem> problems) {
    JsonNode inSpec = spec.remove(AudioTimings.SPEC_KEY);
    JsonNode chosen = body != null && body.hasNonNull(AudioTimings.SPEC_KEY) && body != spec ? body.get(AudioTimings.SPEC_KEY) : inSpec;
    String at = chosen == inSpec ? prefix + AudioTimings.SPEC_KEY : AudioTimings.SPEC_KEY;
    if (chosen == null || chosen.isNull()) return AudioTimings.setting(props.audioTiming());
    Optional<AudioPlan.Timing> timing = chosen.isString() ? AudioTimings.parse(chosen.asString()) : Optional.empty();
    if (timing.isEmpty()) {
      problems.add(new Problem(at, "must be \"stretch\" (clip audio retimed to its clip, as Editly) or \"pad\" (normal speed, padded with silence)"));
      return AudioPlan.Timing.STRETCH;
    }
    return timing.get();
  }

  /**
   * The legacy server's overrides (as editly_runpod applies them, docs/compatibility.md): {@code fast} off, {@code keepSourceAudio}
   * defaults to true, a falsy output/clips volume becomes 1, logging off, outPath chosen by the
   * server, encoder arguments server-controlled unless configured otherwise.
   */
  private void rewrite(ObjectNode spec) {
    spec.remove("outPath");
    spec.put("fast", false);
    if (!spec.has("keepSourceAudio") || spec.get("keepSourceAudio").isNull()) spec.put("keepSourceAudio", true);
    for (String key : List.of("outputVolume", "clipsAudioVolume")) {
      if (falsy(spec.get(key))) spec.put(key, 1.0);
    }
    spec.put("verbose", false);
    spec.put("enableFfmpegLog", false);
    // Remote media is fetched by the service itself; Editly's flag would only refuse the local copies.
    spec.remove("allowRemoteRequests");
    // The server's arguments are planned apart (PlanOptions.serverOutputArgs), so that a problem in the
    // client's is named with its index in the client's array; withServerArgs merges them for the queue.
    if (!props.encoding().allowClientArgs()) spec.remove("customOutputArgs");
    // Fields Editly never read (n8n Code nodes send them): drop them so they do not show as warnings.
    for (String key : List.of("outFormat", "audioCodec", "audioBitrate", "videoCodec", "videoBitrate", "duration",
        "enableClipsAudioVolume", "enableFfmpegStreaming", "enableFfmpegMultipass", "ffmpegOptions", "concurrency",
        "frameSourceConcurrency", "frameRenderConcurrency", "canvasRenderingConcurrency", "tempDir", "keepTempFiles", "outDir",
        "logLevel", "enableProgressBar", "stats")) {
      spec.remove(key);
    }
  }

  /**
   * The queued spec carries the server's arguments in front of the client's (which come last and
   * win, as in v3–v4): every worker renders what was checked here, whatever its own settings.
   */
  private void withServerArgs(ObjectNode spec) {
    if (props.encoding().serverArgs().isEmpty()) return;
    ArrayNode args = spec.get("customOutputArgs") instanceof ArrayNode a ? a : spec.arrayNode();
    ArrayNode merged = spec.arrayNode();
    props.encoding().serverArgs().forEach(merged::add);
    args.forEach(merged::add);
    spec.set("customOutputArgs", merged);
  }

  private static boolean falsy(JsonNode v) {
    return v == null || v.isNull() || (v.isNumber() && v.asDouble() == 0) || (v.isString() && v.asString().isEmpty())
        || (v.isBoolean() && !v.asBoolean());
  }

  private Optional<Callback> callback(JsonNode body, List<Problem> problems) {
    Optional<String> simple = text(body, "webhookUrl").or(() -> text(body, "callbackUrl")).or(() -> text(body, "callback_url"));
    JsonNode c = body.get("callback");
    if (c instanceof ObjectNode o) {
      Optional<String> url = text(o, "url");
      if (url.isEmpty()) {
        problems.add(new Problem("callback.url", "required"));
        return Optional.empty();
      }
      checkUrl(url.get(), "callback.url", problems);
      Map<String, String> headers = new LinkedHashMap<>();
      JsonNode h = o.get("headers");
      if (h instanceof ObjectNode ho) {
        ho.properties().forEach(e -> {
          String at = "callback.headers." + e.getKey();
          if (Callback.reserved(e.getKey())) problems.add(new Problem(at, "set by the service itself; a callback cannot override it"));
          else if (!HEADER_NAME.matcher(e.getKey()).matches()) problems.add(new Problem(at, "not a valid HTTP header name"));
          else if (!e.getValue().isString() || e.getValue().asString().chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0)) {
            problems.add(new Problem(at, "must be a text without line breaks"));
          } else headers.put(e.getKey(), e.getValue().asString());
        });
      } else if (h != null && !h.isNull()) {
        problems.add(new Problem("callback.headers", "must be an object of header names to values"));
      }
      Optional<Callback.BasicAuth> basic = Optional.empty();
      JsonNode b = o.has("basicAuth") ? o.get("basicAuth") : o.get("basic");
      if (b instanceof ObjectNode bo) {
        basic = Optional.of(new Callback.BasicAuth(text(bo, "user").or(() -> text(bo, "username")).orElse(""),
            text(bo, "password").or(() -> text(bo, "pass")).orElse("")));
      }
      return Optional.of(new Callback(url.get(), headers, basic));
    }
    if (c != null && !c.isNull()) problems.add(new Problem("callback", "must be an object {url, headers?, basicAuth?}"));
    // The problem names the field given (n8n templates use any of the three).
    String simpleKey = List.of("webhookUrl", "callbackUrl", "callback_url").stream().filter(k -> text(body, k).isPresent()).findFirst()
        .orElse("webhookUrl");
    simple.ifPresent(u -> checkUrl(u, simpleKey, problems));
    return simple.map(u -> new Callback(u, Map.of(), Optional.empty()));
  }

  /**
   * A webhook or progress URL: absolute http(s), and not pointing inside the network unless
   * {@code smelter.webhook.allowed-hosts} allows it (checked again at every delivery: DNS changes).
   * A name that does not resolve now is accepted; its deliveries retry until it does.
   */
  private void checkUrl(String url, String path, List<Problem> problems) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(path, "not a valid URL"));
      return;
    }
    try {
      webhookTargets.check(u);
    } catch (TargetGuard.RefusedException e) {
      problems.add(new Problem(path, e.getMessage()));
    } catch (java.net.UnknownHostException e) {
      // not resolvable yet: delivery checks again
    }
  }

  /** A refused request keeps nothing it fetched. */
  private static Invalid invalid(List<Problem> problems, Path staging) {
    if (staging != null) Storage.deleteTree(staging);
    return new Invalid(problems);
  }

  private static String remoteName(URI uri) {
    String p = uri.getPath() == null ? "" : uri.getPath();
    String last = p.substring(p.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    return last.isEmpty() || last.startsWith(".") ? "remote" + last : last;
  }

  private static Optional<String> text(JsonNode node, String key) {
    JsonNode v = node == null ? null : node.get(key);
    return v != null && v.isString() && !v.asString().isBlank() ? Optional.of(v.asString()) : Optional.empty();
  }
}
