package dev.smelter.video.server.intake;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the paths clients send to files the service may read. The legacy container paths n8n
 * workflows carry ({@code /app/uploads/x} as {@code /upload} returned it, {@code /uploads/x},
 * {@code /app/files/x}, {@code /outputs/x}) and bare names resolve to our folders; other absolute
 * paths must lie in a configured media root. {@code ..} segments are refused outright, and the real
 * path (symlinks followed) must stay inside a root.
 */
public final class MediaPaths {
  /** What a client path turned out to be. */
  public sealed interface Resolved {}

  public record Local(Path file) implements Resolved {}

  public record Remote(URI uri) implements Resolved {}

  public record Refused(String reason) implements Resolved {}

  private final Path uploads;
  private final Map<String, Path> aliases;
  private final List<Path> roots;

  /** {@code roots} are real paths (already {@code toRealPath()}). */
  public MediaPaths(Path uploads, Path files, Path outputs, List<Path> mediaRoots) {
    this.uploads = uploads;
    this.aliases = Map.of("/app/uploads/", uploads, "/uploads/", uploads, "/app/files/", files, "/outputs/", outputs);
    List<Path> all = new ArrayList<>(List.of(uploads, files, outputs));
    for (Path r : mediaRoots) {
      try {
        all.add(r.toRealPath());
      } catch (IOException e) {
        throw new IllegalArgumentException("media root does not exist: " + r, e);
      }
    }
    this.roots = List.copyOf(all);
  }

  public Resolved resolve(String raw) {
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return new Remote(URI.create(raw));
      } catch (IllegalArgumentException e) {
        return new Refused("not a valid URL: " + e.getMessage());
      }
    }
    if (raw.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !raw.matches("(?i)^[a-z]:[\\\\/].*")) {
      return new Refused("only local paths and http(s) URLs are accepted");
    }
    for (String segment : raw.split("[/\\\\]")) {
      if (segment.equals("..")) return new Refused("path traversal (\"..\") is not allowed");
    }
    if (raw.indexOf('\0') >= 0) return new Refused("invalid path");
    Path candidate;
    try {
      candidate = mapped(raw);
    } catch (InvalidPathException e) {
      return new Refused("invalid path");
    }
    Path real = realOrNearest(candidate);
    for (Path root : roots) {
      if (real.startsWith(root)) return new Local(real);
    }
    return new Refused("outside the upload folder and the configured media roots");
  }

  private Path mapped(String raw) {
    for (var alias : aliases.entrySet()) {
      if (raw.startsWith(alias.getKey())) return alias.getValue().resolve(raw.substring(alias.getKey().length())).normalize();
    }
    Path p = Path.of(raw);
    return (p.isAbsolute() ? p : uploads.resolve(p)).normalize();
  }

  /** The real path; for a file that does not exist (yet), that of its nearest existing ancestor. */
  private static Path realOrNearest(Path p) {
    Path existing = p;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      rest = rest == null ? existing.getFileName() : existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) return p;
    try {
      Path real = existing.toRealPath();
      return rest == null ? real : real.resolve(rest);
    } catch (IOException e) {
      return p;
    }
  }
}
