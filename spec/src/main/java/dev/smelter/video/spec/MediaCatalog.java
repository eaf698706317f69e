package dev.smelter.video.spec;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.MediaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the paths a spec names and probes media once per file, reporting problems at the JSON
 * path that referenced them.
 */
final class MediaCatalog {
  private final Path baseDir;
  private final boolean allowRemote;
  private final RemoteMedia remote;
  /** Per URL: the local copy, or why there is none. */
  private final Map<String, Fetched> fetched = new HashMap<>();
  private final MediaProbe probe;
  private final Diagnostics diag;
  private final Map<Path, Optional<MediaInfo>> probed = new HashMap<>();

  MediaCatalog(Path baseDir, boolean allowRemote, RemoteMedia remote, MediaProbe probe, Diagnostics diag) {
    this.baseDir = baseDir;
    this.allowRemote = allowRemote;
    this.remote = remote;
    this.probe = probe;
    this.diag = diag;
  }

  static boolean isRemote(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.startsWith("http://") || p.startsWith("https://");
  }

  /** A local file that must exist; empty (with an error recorded) otherwise. */
  Optional<Path> file(String at, String path) {
    if (path.isBlank()) {
      diag.error(at, "must not be empty");
      return Optional.empty();
    }
    if (isRemote(path)) {
      if (!allowRemote) {
        diag.error(at, "Remote requests are not allowed (" + path + "); set allowRemoteRequests: true to fetch it");
        return Optional.empty();
      }
      // Once per URL, however many layers name it; each of them reports a failure.
      Fetched f = fetched.computeIfAbsent(path, url -> {
        try {
          return new Fetched(Optional.of(remote.fetch(url)), "");
        } catch (IOException e) {
          return new Fetched(Optional.empty(), e.getMessage());
        }
      });
      if (f.file().isEmpty()) diag.error(at, f.error());
      return f.file();
    }
    Optional<Path> valid = resolve(path);
    if (valid.isEmpty()) {
      diag.error(at, "not a valid file path: " + printable(path));
      return Optional.empty();
    }
    Path p = valid.get();
    if (!Files.isRegularFile(p)) {
      diag.error(at, "file not found: " + path + (p.toString().equals(path) ? "" : " (resolved to " + p + ")"));
      return Optional.empty();
    }
    return Optional.of(p);
  }

  private record Fetched(Optional<Path> file, String error) {}

  /** The path against the base folder; empty when no file can have that name (a NUL byte, for one). */
  Optional<Path> resolve(String path) {
    if (path.indexOf('\0') >= 0) return Optional.empty();
    try {
      return Optional.of(baseDir.resolve(path).normalize());
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** A path for a message: control characters (NUL, line breaks) shown as escapes. */
  static String printable(String path) {
    StringBuilder sb = new StringBuilder();
    path.chars().forEach(c -> {
      if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", c));
      else sb.append((char) c);
    });
    return sb.toString();
  }

  /** Probes a media file; an unreadable file is an error at {@code at}. */
  Optional<MediaInfo> media(String at, Path file) {
    return probed.computeIfAbsent(file, f -> {
      try {
        return Optional.of(probe.probe(f));
      } catch (IOException | RuntimeException e) {
        diag.error(at, "cannot read media file " + f + ": " + e.getMessage());
        return Optional.empty();
      }
    });
  }
}
