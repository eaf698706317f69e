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
  private final String externalUrl;
  private final Links links;

  public Storage(ServiceProperties props) {
    this(props, Links.NONE);
  }

  public Storage(ServiceProperties props, Links links) {
    this.links = links;
    try {
      this.uploads = Files.createDirectories(props.uploadsDir()).toRealPath();
      this.outputs = Files.createDirectories(props.outputsDir()).toRealPath();
      this.files = Files.createDirectories(props.filesDir()).toRealPath();
      this.work = Files.createDirectories(props.workDir()).toRealPath();
      this.tmp = Files.createDirectories(props.tmpDir()).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folders under " + props.dataDir(), e);
    }
    String base = props.externalUrl().strip();
    this.externalUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
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
