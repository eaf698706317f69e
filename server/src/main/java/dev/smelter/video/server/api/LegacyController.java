package dev.smelter.video.server.api;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.fleet.WorkerRegistry;
import dev.smelter.video.server.intake.MediaPaths;
import dev.smelter.video.server.intake.SpecIntake;
import dev.smelter.video.server.job.Job;
import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import dev.smelter.video.server.job.JobStatus;
import dev.smelter.video.server.media.MediaDetails;
import dev.smelter.video.server.media.MediaDetailsReader;
import dev.smelter.video.server.queue.JobQueue;
import dev.smelter.video.server.storage.JobFiles;
import dev.smelter.video.server.storage.RetentionSweeper;
import dev.smelter.video.server.storage.Storage;
import dev.smelter.video.server.storage.StoredFiles;
import dev.smelter.video.spec.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * The {@code editly_runpod} API, kept byte-compatible so existing n8n workflows run unchanged
 * (docs/service.md, "Legacy API"; docs/compatibility.md): same paths, keys, status codes and message
 * strings.
 */
@RestController
class LegacyController {
  private static final Logger LOG = Logger.getLogger(LegacyController.class.getName());

  private final SpecIntake intake;
  private final JobQueue queue;
  private final EditWaiter waiter;
  private final Storage storage;
  private final MediaPaths paths;
  private final MediaDetailsReader details;
  private final RetentionSweeper sweeper;
  private final ServiceProperties props;
  private final Errors errors;
  private final JobFiles jobFiles;
  private final StoredFiles stored;

  LegacyController(SpecIntake intake, JobQueue queue, JobEvents events, Storage storage, MediaPaths paths,
      MediaDetailsReader details, RetentionSweeper sweeper, ServiceProperties props, Errors errors, JobFiles jobFiles, StoredFiles stored) {
    this.jobFiles = jobFiles;
    this.stored = stored;
    this.intake = intake;
    this.queue = queue;
    this.waiter = new EditWaiter(queue, events);
    this.storage = storage;
    this.paths = paths;
    this.details = details;
    this.sweeper = sweeper;
    this.props = props;
    this.errors = errors;
  }

  private org.springframework.beans.factory.ObjectProvider<WorkerRegistry> fleetWorkers;

  /** Fleet mode only: /info also counts the registered workers' GPUs. */
  @org.springframework.beans.factory.annotation.Autowired
  void fleetWorkers(org.springframework.beans.factory.ObjectProvider<WorkerRegistry> registry) {
    this.fleetWorkers = registry;
  }

  @GetMapping("/health")
  Map<String, Object> health() {
    return ordered("status", "ok", "service", "editly-api", "timestamp", JsTime.of(Instant.now()), "version", "1.0.0");
  }

  @GetMapping("/info")
  Map<String, Object> info() {
    Optional<String> renderer = GpuStatus.localRenderer(props.worker().gpu());
    Map<String, Object> endpoints = ordered(
        "health", "GET /health", "info", "GET /info", "upload", "POST /upload", "edit", "POST /edit",
        "download", "GET /download/:filename", "files", "GET /files", "metadata", "GET /metadata/:filename",
        "audioInfo", "POST /audio-info", "cleanup", "POST /cleanup", "diskUsage", "GET /disk-usage",
        "jobs", "POST /jobs, GET /jobs, GET /jobs/:id, DELETE /jobs/:id, GET /jobs/:id/events", "queueStats", "GET /queue/stats", "deadLetters", "GET /queue/dead",
        "openapi", "GET /openapi.yaml");
    return ordered(
        "service", "Editly Video Editor API",
        "version", "1.0.0",
        "description", "Editly-compatible video rendering service (smelter-video)",
        "runtime", ordered("externalDomain", props.externalUrl(), "useGpu", useGpu(renderer),
            "gpuRenderer", renderer.orElse(null),
            "videoEncoder", videoEncoder(props.encoding().serverArgs()), "ffmpegThreads", Runtime.getRuntime().availableProcessors()),
        "cleanup", ordered("autoCleanupEnabled", true, "cleanupAfterHours", number(props.retention().maxAge().toMinutes() / 60.0),
            "checkIntervalMinutes", props.retention().checkInterval().toMinutes(),
            "directories", List.of(storage.outputsDir().toString(), storage.uploadsDir().toString(), storage.filesDir().toString())),
        "endpoints", endpoints,
        "documentation", "docs/service.md");
  }

  /** The encoder jobs use unless their own arguments choose: the server arguments' last {@code -c:v}, else libx264. */
  static String videoEncoder(List<String> serverArgs) {
    String encoder = "libx264";
    for (int i = 0; i + 1 < serverArgs.size(); i++) {
      if (List.of("-c:v", "-vcodec", "-codec:v").contains(serverArgs.get(i))) encoder = serverArgs.get(i + 1);
    }
    return encoder;
  }

  /** True only when frames are really composed on a GPU: here, or (fleet mode) on some registered worker. */
  private boolean useGpu(Optional<String> renderer) {
    if (GpuStatus.composesOnGpu(props.worker().gpu(), renderer)) return true;
    WorkerRegistry registry = fleetWorkers == null ? null : fleetWorkers.getIfAvailable();
    if (registry == null) return false;
    try {
      return GpuStatus.anyWorkerOnGpu(registry.list());
    } catch (RuntimeException e) {
      return false; // Redis unreachable: /info still answers, with what this node knows
    }
  }

  @PostMapping(path = "/edit")
  ResponseEntity<Map<String, Object>> edit(@RequestBody(required = false) JsonNode body) throws InterruptedException {
    if (body == null || !body.isObject()) return ResponseEntity.badRequest().body(ordered("error", "editSpec is required"));
    SpecIntake.Outcome outcome = intake.legacy(body);
    if (outcome instanceof SpecIntake.Invalid(List<Problem> problems)) {
      if (problems.size() == 1 && problems.getFirst().message().equals("editSpec is required")) {
        return ResponseEntity.badRequest().body(ordered("error", "editSpec is required"));
      }
      return ResponseEntity.badRequest().body(ordered("error", "Video editing failed",
          "details", Errors.listed(problems).stream().map(Problem::toString).collect(Collectors.joining("; ")),
          "problems", Errors.problems(problems)));
    }
    SpecIntake.Accepted accepted = (SpecIntake.Accepted) outcome;
    JobRequest request;
    try {
      request = JobController.stage(jobFiles, storage, accepted.request());
    } catch (IOException e) {
      return ResponseEntity.internalServerError().body(ordered("error", "Video editing failed", "details", errors.detail(e)));
    }
    Job job = queue.submit(request).job();
    Optional<Job> done = waiter.awaitTerminal(job.id(), props.editTimeout());
    if (done.isEmpty()) {
      return ResponseEntity.internalServerError().body(ordered("error", "Video editing failed",
          "details", "the render did not finish within " + props.editTimeout().toMinutes() + " minutes (job " + job.id() + " continues)"));
    }
    if (done.get().status() != JobStatus.COMPLETED) {
      return ResponseEntity.internalServerError().body(ordered("error", "Video editing failed",
          "details", done.get().error().orElse(done.get().status().wire())));
    }
    String name = done.get().outputFilename();
    boolean created;
    try {
      created = stored.outputExists(name);
    } catch (IOException e) {
      created = false;
    }
    if (!created) {
      return ResponseEntity.internalServerError().body(ordered("error", "Video editing failed", "details", "Output file was not created"));
    }
    return ResponseEntity.ok(ordered("message", "Video editing completed successfully", "outputPath", "/outputs/" + name,
        "outputFilename", name, "downloadUrl", storage.downloadUrl(name)));
  }

  @PostMapping(path = "/upload")
  ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) {
    List<MultipartFile> files = request instanceof MultipartHttpServletRequest m ? m.getFiles("files") : List.of();
    if (files.isEmpty()) return ResponseEntity.badRequest().body(ordered("error", "No files uploaded"));
    List<Map<String, Object>> saved = new ArrayList<>();
    try {
      for (MultipartFile f : files) {
        String original = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
        String name = "files-" + System.currentTimeMillis() + "-" + Math.round(ThreadLocalRandom.current().nextDouble() * 1e9) + extension(original);
        Path target = storage.uploadsDir().resolve(name);
        try {
          copy(f, target);
        } catch (java.nio.file.NoSuchFileException e) {
          // The data folder was deleted while this upload ran: recreate it and store the file again once.
          storage.ensureLayout();
          copy(f, target);
        }
        stored.uploaded(target);
        saved.add(ordered("originalName", original, "filename", name, "path", "/app/uploads/" + name, "size", f.getSize(),
            "url", "/uploads/" + name));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // Still gone (the part Tomcat buffered went with it, or the folder vanished again): not the
      // client's fault, and sending it again will work.
      return ResponseEntity.status(503).header("Retry-After", "1")
          .body(ordered("error", "Upload failed", "details", "the data folder changed during the upload; send it again"));
    } catch (IOException e) {
      return ResponseEntity.internalServerError().body(ordered("error", "Upload failed", "details", errors.detail(e)));
    }
    return ResponseEntity.ok(ordered("message", "Files uploaded successfully", "files", saved));
  }

  private static void copy(MultipartFile f, Path target) throws IOException {
    try (InputStream in = f.getInputStream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Node's {@code path.extname}: the last dot and what follows, unless the name starts with it. */
  static String extension(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    String ext = dot <= 0 ? "" : base.substring(dot);
    return ext.matches("\\.[A-Za-z0-9_-]{0,16}") ? ext : "";
  }

  @GetMapping("/uploads/{filename}")
  ResponseEntity<?> uploaded(@PathVariable String filename) {
    if (!Storage.safeName(filename)) return Errors.notFound();
    Path f = storage.uploadsDir().resolve(filename);
    stored.restore(f);
    if (!Files.isRegularFile(f)) return Errors.notFound();
    MediaType type = MediaTypeFactory.getMediaType(filename).orElse(MediaType.APPLICATION_OCTET_STREAM);
    return ResponseEntity.ok().contentType(type).body(new FileSystemResource(f));
  }

  @GetMapping("/download/{filename}")
  ResponseEntity<?> download(@PathVariable String filename) throws IOException {
    // With an object store: a pre-signed redirect (download=redirect), or the store's copy served from the cache.
    Optional<java.net.URI> redirect = stored.redirect(filename);
    if (redirect.isPresent()) return ResponseEntity.status(302).location(redirect.get()).build();
    Optional<Path> f = stored.output(filename);
    if (f.isEmpty()) {
      return ResponseEntity.status(404).body(ordered("error", "File not found"));
    }
    Resource body = new FileSystemResource(f.get());
    // Spring answers Range requests for a Resource body (206 with the asked-for bytes).
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
        .body(body);
  }

  @GetMapping("/files")
  ResponseEntity<Map<String, Object>> files() {
    try {
      return ResponseEntity.ok(listFiles());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "GET /files failed", e);
      return ResponseEntity.internalServerError().body(ordered("error", "Failed to list files"));
    }
  }

  private Map<String, Object> listFiles() throws IOException {
    java.util.TreeMap<String, Map<String, Object>> byName = new java.util.TreeMap<>();
    // Outputs in the object store (fleet mode), then this node's own, which win for the same name.
    for (var o : stored.storedOutputs()) {
      String name = o.key().substring(o.key().indexOf('/') + 1);
      if (name.contains("/")) continue;
      byName.put(name, ordered("filename", name, "size", o.size(), "created", JsTime.of(o.lastModified()),
          "modified", JsTime.of(o.lastModified()), "downloadUrl", storage.downloadUrl(name)));
    }
    try (var s = Files.list(storage.outputsDir())) {
      for (Path p : s.sorted().toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        String name = p.getFileName().toString();
        byName.put(name, ordered("filename", name, "size", a.size(), "created", JsTime.of(a.creationTime().toInstant()),
            "modified", JsTime.of(a.lastModifiedTime().toInstant()), "downloadUrl", storage.downloadUrl(name)));
      }
    }
    List<Map<String, Object>> list = new ArrayList<>(byName.values());
    return ordered("files", list, "count", list.size());
  }

  @GetMapping("/metadata/{filename}")
  ResponseEntity<Map<String, Object>> metadata(@PathVariable String filename) {
    try {
      return fileMetadata(filename);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "GET /metadata failed", e);
      return ResponseEntity.internalServerError().body(ordered("error", "Failed to get file metadata"));
    }
  }

  private ResponseEntity<Map<String, Object>> fileMetadata(String filename) throws IOException {
    Optional<Storage.Located> found = stored.locate(filename);
    if (found.isEmpty()) {
      return ResponseEntity.status(404).body(ordered("error", "File not found",
          "message", "File '" + filename + "' not found in outputs or uploads directories"));
    }
    Path file = found.get().file();
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    Map<String, Object> m = ordered("filename", filename, "fileLocation", found.get().location(), "size", a.size(),
        "created", JsTime.of(a.creationTime().toInstant()), "modified", JsTime.of(a.lastModifiedTime().toInstant()));
    try {
      MediaDetails d = details.read(file);
      m.put("duration", d.duration());
      m.put("bitrate", d.bitrate().isPresent() ? d.bitrate().getAsLong() : null);
      m.put("format", d.formatName());
      m.put("video", d.video().map(v -> ordered("codec", v.codec(), "width", v.width(), "height", v.height(), "fps", number(v.fps()),
          "bitrate", v.bitrate().isPresent() ? v.bitrate().getAsLong() : null)).orElse(null));
      m.put("audio", d.audio().map(au -> ordered("codec", au.codec(), "channels", au.channels(), "sample_rate", au.sampleRate(),
          "bitrate", au.bitrate().isPresent() ? au.bitrate().getAsLong() : null)).orElse(null));
    } catch (IOException e) {
      m.put("error", "Could not extract media metadata");
    }
    m.put("downloadUrl", storage.downloadUrl(filename));
    return ResponseEntity.ok(m);
  }

  @PostMapping("/audio-info")
  ResponseEntity<Map<String, Object>> audioInfo(@RequestBody(required = false) JsonNode body) {
    JsonNode p = body == null ? null : body.get("audioPath");
    if (p == null || !p.isString() || p.asString().isBlank()) return ResponseEntity.badRequest().body(ordered("error", "audioPath is required"));
    String audioPath = p.asString();
    MediaPaths.Resolved resolved = paths.resolve(audioPath);
    if (resolved instanceof MediaPaths.Local(Path local)) stored.restore(local);
    if (!(resolved instanceof MediaPaths.Local(Path file)) || !Files.isRegularFile(file)) {
      String why = resolved instanceof MediaPaths.Refused(String reason) ? reason : "file not found";
      return ResponseEntity.status(404).body(ordered("error", "Could not read audio file", "audioPath", audioPath, "details", why));
    }
    try {
      MediaDetails d = details.read(file);
      // Like the legacy server, sampleRate and bitrate come from stream tags, which audio files rarely have.
      return ResponseEntity.ok(ordered("success", true, "audioPath", audioPath, "duration", Math.round(d.duration() * 100) / 100.0,
          "hasAudio", d.audio().isPresent(), "codec", d.audio().map(MediaDetails.Audio::codec).orElse("unknown"),
          "sampleRate", "unknown", "channels", d.audio().map(au -> (Object) au.channels()).orElse("unknown"), "bitrate", "unknown"));
    } catch (IOException e) {
      // What the legacy server answered when ffprobe exited non-zero (a missing or unreadable file).
      return ResponseEntity.status(404).body(ordered("error", "Could not read audio file", "audioPath", audioPath, "details", errors.detail(e)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "POST /audio-info failed", e);
      return ResponseEntity.internalServerError().body(ordered("error", "Failed to get audio info", "details", errors.detail(e)));
    }
  }

  @PostMapping("/cleanup")
  ResponseEntity<Map<String, Object>> cleanup() {
    try {
      RetentionSweeper.Swept s = sweeper.sweep();
      return ResponseEntity.ok(ordered("success", true, "message", "Cleanup completed", "filesDeleted", s.filesDeleted(),
          "sizeFreed", s.bytesFreed()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "POST /cleanup failed", e);
      return ResponseEntity.internalServerError().body(ordered("error", "Cleanup failed", "details", errors.detail(e)));
    }
  }

  /** The legacy keys, in its order; {@code /tmp} is where uploads in progress are spooled, {@code /app/temp} the job folders. */
  @GetMapping("/disk-usage")
  ResponseEntity<Map<String, Object>> diskUsage() {
    try {
      Map<String, Object> usage = new LinkedHashMap<>();
      usage.put("/outputs", usage(storage.outputsDir()));
      usage.put("/app/uploads", usage(storage.uploadsDir()));
      usage.put("/tmp", usage(storage.tmpDir()));
      usage.put("/app/temp", usage(storage.jobDir("x").getParent()));
      usage.put("/app/files", usage(storage.filesDir()));
      return ResponseEntity.ok(ordered("success", true, "diskUsage", usage,
          "cleanupAfterHours", number(props.retention().maxAge().toMinutes() / 60.0)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "GET /disk-usage failed", e);
      return ResponseEntity.internalServerError().body(ordered("error", "Failed to get disk usage", "details", errors.detail(e)));
    }
  }

  private static Map<String, Object> usage(Path dir) {
    long files = 0, size = 0;
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files++;
        try {
          size += Files.size(p);
        } catch (IOException gone) {
          // deleted meanwhile
        }
      }
    } catch (IOException e) {
      // an unreadable folder counts as empty
    }
    return ordered("files", files, "totalSize", size);
  }

  /** An integral number without ".0", as JSON.stringify writes 30 for 30/1. */
  private static Object number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : v;
  }

  static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
