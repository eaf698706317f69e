package dev.smelter.video.server.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads remote media into a job's folder, refusing anything that points inside the network:
 * every host is resolved and each of its addresses checked (loopback, private, link-local — which
 * covers cloud metadata at 169.254.169.254 —, unique-local, CGNAT, multicast, unspecified), and
 * redirects are followed by hand so each hop is checked the same way.
 */
public final class RemoteFetcher {
  private static final int MAX_REDIRECTS = 5;

  /** Why a URL was not fetched. */
  public static final class RefusedException extends Exception {
    public RefusedException(String message) {
      super(message);
    }
  }

  private final HttpClient http;
  private final long maxBytes;
  private final boolean allowPrivate;

  public RemoteFetcher(long maxBytes, boolean allowPrivate) {
    // HTTP/1.1: some servers mishandle the JDK's h2c upgrade request on plain http.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.maxBytes = maxBytes;
    this.allowPrivate = allowPrivate;
  }

  public Path fetch(URI uri, Path target) throws RefusedException, IOException, InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      checkTarget(current);
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(current).timeout(Duration.ofMinutes(5)).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      int code = r.statusCode();
      if (code >= 300 && code < 400 && r.headers().firstValue("location").isPresent()) {
        r.body().close();
        current = current.resolve(r.headers().firstValue("location").get());
        continue;
      }
      if (code != 200) {
        r.body().close();
        throw new IOException("HTTP " + code + " from " + current);
      }
      try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(target)) {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          total += n;
          if (total > maxBytes) throw new RefusedException("larger than the " + maxBytes + "-byte limit");
          out.write(buf, 0, n);
        }
      } catch (RefusedException | IOException e) {
        Files.deleteIfExists(target);
        throw e;
      }
      return target;
    }
    throw new RefusedException("too many redirects");
  }

  /** Refuses URLs whose host resolves to an address inside the network. */
  public void checkTarget(URI uri) throws RefusedException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) throw new RefusedException("only http and https URLs are allowed");
    if (uri.getHost() == null) throw new RefusedException("the URL has no host");
    if (uri.getUserInfo() != null) throw new RefusedException("credentials in URLs are not allowed");
    if (allowPrivate) return;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new RefusedException("unknown host " + uri.getHost());
    }
    for (InetAddress a : addresses) {
      if (internal(a)) throw new RefusedException("refused: " + uri.getHost() + " resolves to an internal address (" + a.getHostAddress() + ")");
    }
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) return true; // unique local fc00::/7
      boolean v4Mapped = true;
      for (int i = 0; i < 10; i++) v4Mapped &= b[i] == 0;
      if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      return false;
    }
    int first = b[0] & 0xff, second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
        || (first == 198 && (second == 18 || second == 19)) || first >= 240;
  }
}
