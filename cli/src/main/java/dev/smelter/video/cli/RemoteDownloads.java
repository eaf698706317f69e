package dev.smelter.video.cli;

import dev.smelter.video.render.fetch.RemoteFetcher;
import dev.smelter.video.spec.RemoteMedia;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Remote media of a spec with {@code allowRemoteRequests}, fetched into a temporary folder that
 * lives as long as the render (Editly reads such URLs itself). The service's address guard applies:
 * no loopback, private, link-local or metadata addresses unless the user allows private URLs.
 */
final class RemoteDownloads implements RemoteMedia, AutoCloseable {
  private static final long MAX_BYTES = 2L << 30;
  private static final Duration DEADLINE = Duration.ofMinutes(10);

  private final RemoteFetcher fetcher;
  private Path dir;
  private int count;

  RemoteDownloads(boolean allowPrivate) {
    this.fetcher = new RemoteFetcher(MAX_BYTES, allowPrivate, DEADLINE);
  }

  @Override
  public Path fetch(String url) throws IOException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IOException("not a valid URL: " + url);
    }
    if (dir == null) dir = Files.createTempDirectory("smelter-remote-");
    String last = uri.getPath() == null ? "" : uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
    Path target = dir.resolve(++count + "-" + (last.isEmpty() || last.startsWith(".") ? "remote" + last : last));
    try {
      return fetcher.fetch(uri, target);
    } catch (RemoteFetcher.RefusedException e) {
      throw new IOException(e.getMessage() + ": " + url);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while downloading " + url);
    } catch (IOException e) {
      throw new IOException("cannot download " + url + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (dir == null) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
