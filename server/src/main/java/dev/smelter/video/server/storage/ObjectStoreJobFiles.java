package dev.smelter.video.server.storage;

import dev.smelter.video.server.intake.MediaField;
import dev.smelter.video.server.storage.objects.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Job files through an object store: the API uploads each local input once under a
 * content-addressed key ({@code inputs/<sha256>.<ext>}) and the spec names it {@code store:<key>};
 * workers link the inputs from their {@link LocalCache} into the job folder, and upload the output
 * to {@code outputs/<name>}. Remote {@code http(s)} media stays as it is.
 *
 * <p>Inputs are shared between jobs (the same image in a thousand jobs is stored and fetched once),
 * so a job's end does not delete them: the retention sweep removes inputs that no unfinished job
 * refers to once they are older than the retention age. A re-used input older than
 * {@code refreshAfter} is uploaded again, which renews its age.
 */
public final class ObjectStoreJobFiles implements JobFiles {
  /** How a staged spec refers to an object. */
  public static final String SCHEME = "store:";
  public static final String INPUTS = "inputs/";
  public static final String OUTPUTS = "outputs/";

  private final ObjectStore store;
  private final Storage storage;
  private final LocalCache cache;
  private final boolean keepLocalOutputs;
  private final Duration refreshAfter;
  private final Clock clock;
  /** Digests of files already hashed, by path, size and modification time (uploads are reused a lot). */
  private final Map<String, String> digests = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > 4096;
    }
  });

  public ObjectStoreJobFiles(ObjectStore store, Storage storage, LocalCache cache, boolean keepLocalOutputs, Duration refreshAfter,
      Clock clock) {
    this.store = store;
    this.storage = storage;
    this.cache = cache;
    this.keepLocalOutputs = keepLocalOutputs;
    this.refreshAfter = refreshAfter;
    this.clock = clock;
  }

  public ObjectStore store() {
    return store;
  }

  /**
   * Needs no job id: the queue assigns it on submit, and content-addressed keys do not depend on it.
   * Remote media fetched at intake ({@code work/incoming-*}) is deleted once it is in the store.
   */
  @Override
  public JsonNode stageInputs(String jobId, JsonNode spec) throws IOException {
    ObjectNode staged = ((ObjectNode) spec).deepCopy();
    Map<String, String> keys = new HashMap<>();
    Set<Path> incoming = new LinkedHashSet<>();
    for (MediaField f : MediaField.all(staged)) {
      Optional<Path> local = localFile(f.value());
      if (local.isEmpty()) continue;
      String key = keys.get(f.value());
      if (key == null) {
        key = stage(local.get());
        keys.put(f.value(), key);
      }
      f.set(SCHEME + key);
      storage.incomingDirOf(local.get()).ifPresent(incoming::add);
    }
    incoming.forEach(Storage::deleteTree);
    return staged;
  }

  private static Optional<Path> localFile(String value) {
    if (value.startsWith(SCHEME) || value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(value);
      return p.isAbsolute() && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Uploads the file unless the store already has its content (recently enough); returns its key. */
  String stage(Path file) throws IOException {
    String key = INPUTS + digest(file) + extension(file.getFileName().toString());
    Optional<ObjectStore.Info> existing = store.stat(key);
    if (existing.isEmpty() || existing.get().lastModified().isBefore(clock.instant().minus(refreshAfter))) store.put(key, file);
    return key;
  }

  @Override
  public JsonNode fetchInputs(String jobId, JsonNode spec, Path jobDir) throws IOException {
    ObjectNode local = ((ObjectNode) spec).deepCopy();
    Path inputs = null;
    for (MediaField f : MediaField.all(local)) {
      if (!f.value().startsWith(SCHEME)) continue;
      String key = ObjectStore.checkKey(f.value().substring(SCHEME.length()));
      if (!key.startsWith(INPUTS) || key.indexOf('/', INPUTS.length()) >= 0) throw new IOException("not a job input: " + f.value());
      String name = key.substring(INPUTS.length());
      if (inputs == null) inputs = Files.createDirectories(jobDir.resolve("inputs"));
      Path target = inputs.resolve(name);
      if (!Files.exists(target)) cache.linkInto("in-" + name, tmp -> store.get(key, tmp), target);
      f.set(target.toString());
    }
    return local;
  }

  @Override
  public void publishOutput(String outputFilename, Path rendered) throws IOException {
    store.put(OUTPUTS + outputFilename, rendered);
    if (keepLocalOutputs) {
      OutputPublisher.move(rendered, storage.outputsDir().resolve(outputFilename)); // outputs/ may be another mount
    } else {
      Files.deleteIfExists(rendered);
    }
  }

  /** The job's folder (its links into the cache); shared inputs are left to the retention sweep. */
  @Override
  public void discard(String jobId) {
    storage.deleteJobDir(jobId);
  }

  /** Every key a staged spec refers to. */
  public static Set<String> keysOf(JsonNode spec) {
    Set<String> keys = new LinkedHashSet<>();
    if (spec instanceof ObjectNode o) {
      for (MediaField f : MediaField.all(o)) {
        if (f.value().startsWith(SCHEME)) keys.add(f.value().substring(SCHEME.length()));
      }
    }
    return keys;
  }

  private String digest(Path file) throws IOException {
    String id = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    String known = digests.get(id);
    if (known != null) return known;
    String hex = sha256(file);
    digests.put(id, hex);
    return hex;
  }

  static String sha256Hex(byte[] bytes) {
    MessageDigest md = sha256();
    return HexFormat.of().formatHex(md.digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** ".png" for "a.PNG": kept so that tools guessing formats from names still can. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.matches("[a-z0-9]{1,10}") ? "." + ext : "";
  }
}
