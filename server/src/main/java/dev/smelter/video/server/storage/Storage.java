package dev.smelter.video.server.storage;

import dev.smelter.video.server.ServiceProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import dev.smelter.video.server.intake.MediaField;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The service's folders (uploads, outputs, shared files, job folders) and names within them. */
public final class Storage {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Storage.class.getName());
  /** Where a finished output can be downloaded when not from this service (a pre-signed store URL). */
  @FunctionalInterface
  public interface Links {
    Optional<String> downloadUrl(String filename);

    Links NONE = name -> Optional.empty();
  }

  /** Prefix of the job-folder names that hold remote media fetched at intake. */
  public static final String INCOMING = "incoming-";

  /** One path segment, no separators or control characters, not "." or "..". */
  private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\x00-\\x1f]{1,255}");

  private final Path uploads;
  private final Path outputs;
  private final Path files;
  private final Path work;
  private final Path tmp;
  private final Path dataDir;
  /** Every folder the service writes to, in the order they are (re)created. */
  private final java.util.List<Path> layout;
  private final String externalUrl;
  private final Links links;

  public Storage(ServiceProperties props) {
    this(props, Links.NONE);
  }

  public Storage(ServiceProperties props, Links links) {
    this.links = links;
    this.dataDir = props.dataDir().toAbsolutePath().normalize();
    try {
      this.uploads = Files.createDirectories(props.uploadsDir()).toRealPath();
      this.outputs = Files.createDirectories(props.outputsDir()).toRealPath();
      this.files = Files.createDirectories(props.filesDir()).toRealPath();
      this.work = Files.createDirectories(props.workDir()).toRealPath();
      this.tmp = Files.createDirectories(props.tmpDir()).toRealPath();
      Path jobs = Files.createDirectories(props.jobsDir()).toRealPath();
      this.layout = java.util.List.of(uploads, outputs, files, work, tmp, jobs);
    } catch (IOException e) {
      throw new Unusable(dataDir, e);
    }
    writable().ifPresent(problem -> {
      throw new Unusable(dataDir, problem);
    });
    String base = props.externalUrl().strip();
    this.externalUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * The data folder cannot be used: it cannot be created, or it is read-only. The message is one line
   * naming the folder and the reason, for the start-up error ({@code --data-dir}, {@code SMELTER_DATA_DIR}).
   */
  public static final class Unusable extends RuntimeException {
    Unusable(Path dir, IOException e) {
      this(dir, reason(e));
    }

    Unusable(Path dir, String reason) {
      super("the data folder " + dir + " cannot be used: " + reason + " (set --data-dir or SMELTER_DATA_DIR to a writable folder)");
    }

    private static String reason(IOException e) {
      if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied on " + a.getFile();
      if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason() + " (" + f.getFile() + ")";
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /**
   * Recreates the data folders that have gone missing (the data folder deleted under a running
   * service): cheap when nothing is missing (one check per folder), so it runs before each write
   * request and each render. Throws {@link UncheckedIOException} when a folder cannot be recreated.
   */
  public void ensureLayout() {
    for (Path dir : layout) {
      if (Files.isDirectory(dir)) continue;
      try {
        Files.createDirectories(dir);
        LOG.warning("recreated the missing data folder " + dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot recreate the data folder " + dir + ": " + Unusable.reason(e), e);
      }
    }
  }

  /**
   * Readiness: empty when every data folder exists (missing ones are recreated) and a file can be
   * written and deleted in it; else the problem, one line.
   */
  public Optional<String> check() {
    try {
      ensureLayout();
    } catch (UncheckedIOException e) {
      return Optional.of(e.getMessage());
    }
    return writable();
  }

  private Optional<String> writable() {
    Path probe = tmp.resolve(".write-check-" + java.util.UUID.randomUUID());
    try {
      Files.write(probe, new byte[] {1});
      Files.delete(probe);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot write in " + tmp + ": " + Unusable.reason(e));
    }
  }

  public Path uploadsDir() {
    return uploads;
  }

  public Path outputsDir() {
    return outputs;
  }

  public Path filesDir() {
    return files;
  }

  /** Scratch space: uploads in progress are spooled here (the legacy server's {@code /tmp}). */
  public Path tmpDir() {
    return tmp;
  }

  public Path jobDir(String jobId) {
    return work.resolve(jobId);
  }

  public static boolean safeName(String name) {
    return SAFE_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /**
   * {@code <external>/download/<name>}, or the relative form when no external URL is configured; a
   * pre-signed object store URL instead when so configured.
   */
  public String downloadUrl(String filename) {
    Optional<String> direct = links.downloadUrl(filename);
    if (direct.isPresent()) return direct.get();
    return externalUrl + "/download/" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A file directly in the outputs or uploads folder (in that order), if it exists. */
  public Optional<Located> locate(String filename) {
    if (!safeName(filename)) return Optional.empty();
    Path out = outputs.resolve(filename);
    if (Files.isRegularFile(out)) return Optional.of(new Located(out, "outputs"));
    Path up = uploads.resolve(filename);
    if (Files.isRegularFile(up)) return Optional.of(new Located(up, "uploads"));
    return Optional.empty();
  }

  public record Located(Path file, String location) {}

  /**
   * The {@code work/incoming-<uuid>} folder that holds a file fetched from a remote URL at intake, if
   * {@code file} is one.
   */
  public Optional<Path> incomingDirOf(Path file) {
    Path parent = file.getParent();
    if (parent == null || !work.equals(parent.getParent()) || !parent.getFileName().toString().startsWith(INCOMING)) return Optional.empty();
    return Optional.of(parent);
  }

  /** Every {@code work/incoming-*} folder a spec's media paths point into. */
  public Set<Path> incomingDirs(JsonNode spec) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (!(spec instanceof ObjectNode o)) return dirs;
    for (MediaField f : MediaField.all(o)) {
      try {
        Path p = Path.of(f.value());
        if (p.isAbsolute()) incomingDirOf(p).ifPresent(dirs::add);
      } catch (InvalidPathException e) {
        // a URL or a store key: not a local file
      }
    }
    return dirs;
  }

  /**
   * Deletes the remote media fetched at intake for a job that has ended (or was never queued): each
   * intake fetches into its own folder, so no other job uses it.
   */
  public void deleteIncoming(JsonNode spec) {
    incomingDirs(spec).forEach(Storage::deleteTree);
  }

  public void deleteJobDir(String jobId) {
    deleteTree(jobDir(jobId));
  }

  /** Deletes a folder and what it holds, best effort. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort: the retention sweep tries again later
    }
  }
}
