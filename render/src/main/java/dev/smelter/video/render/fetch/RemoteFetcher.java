package dev.smelter.video.render.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Downloads remote media, refusing anything that points inside the network: every host is resolved
 * and each of its addresses checked (loopback, private, link-local — which covers cloud metadata at
 * 169.254.169.254 —, unique-local, CGNAT, multicast, unspecified), and redirects are followed by
 * hand so each hop is checked the same way.
 *
 * <p>The connection goes to the very address that was checked (HTTP/1.1 over a plain socket, TLS
 * with SNI and host-name verification for https): a general-purpose client would resolve the name
 * again, and a DNS answer that changes between check and connect (DNS rebinding) would get past
 * the check. One deadline bounds the whole download, redirects included, so a server that trickles
 * bytes cannot hold a job forever.
 */
public final class RemoteFetcher {
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Why a URL was not fetched. */
  public static final class RefusedException extends Exception {
    public RefusedException(String message) {
      super(message);
    }
  }

  private final long maxBytes;
  private final boolean allowPrivate;
  private final Duration deadline;
  private final SSLContext tls;
  private final java.util.function.Predicate<URI> exempt;

  public RemoteFetcher(long maxBytes, boolean allowPrivate, Duration deadline) {
    this(maxBytes, allowPrivate, deadline, defaultTls());
  }

  RemoteFetcher(long maxBytes, boolean allowPrivate, Duration deadline, SSLContext tls) {
    this(maxBytes, allowPrivate, deadline, tls, uri -> false);
  }

  /**
   * Tests only: {@code exempt} URLs skip the internal-address check (a loopback server standing in
   * for a public first hop); everything else, redirect targets included, is checked as in production.
   */
  RemoteFetcher(long maxBytes, boolean allowPrivate, Duration deadline, SSLContext tls, java.util.function.Predicate<URI> exempt) {
    this.maxBytes = maxBytes;
    this.allowPrivate = allowPrivate;
    this.deadline = deadline;
    this.tls = tls;
    this.exempt = exempt;
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
  }

  /** Downloads {@code uri} into {@code target}; on any failure no file is left there. */
  public Path fetch(URI uri, Path target) throws RefusedException, IOException, InterruptedException {
    long until = System.nanoTime() + deadline.toNanos();
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (Thread.interrupted()) throw new InterruptedException();
      InetAddress address = checkTarget(current);
      try (Socket socket = open(current, address, until)) {
        InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, until, uri));
        request(socket.getOutputStream(), current);
        Response r = readHead(in);
        if (r.code >= 300 && r.code < 400 && r.headers.containsKey("location")) {
          current = current.resolve(r.headers.get("location").strip());
          continue;
        }
        if (r.code != 200) throw new IOException("HTTP " + r.code + " from " + current);
        String length = r.headers.get("content-length");
        if (length != null && parseLength(length) > maxBytes) throw new RefusedException("larger than the " + maxBytes + "-byte limit");
        boolean chunked = r.headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
        InputStream body = chunked ? new ChunkedInputStream(in) : length != null ? new BoundedInputStream(in, parseLength(length)) : in;
        copy(body, target);
        return target;
      } catch (RefusedException | IOException e) {
        Files.deleteIfExists(target);
        throw e;
      }
    }
    throw new RefusedException("too many redirects");
  }

  private Socket open(URI uri, InetAddress address, long until) throws IOException {
    int left = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (until - System.nanoTime()) / 1_000_000));
    return PinnedSocket.open(uri, address, tls, (int) Math.min(CONNECT_TIMEOUT.toMillis(), left), left);
  }

  private static void request(OutputStream out, URI uri) throws IOException {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
    String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
    if (uri.getPort() > 0) host += ":" + uri.getPort();
    String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: smelter-video\r\nAccept: */*\r\n"
        + "Accept-Encoding: identity\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private record Response(int code, Map<String, String> headers) {}

  private static Response readHead(InputStream in) throws IOException {
    String status = readLine(in, MAX_HEADER_BYTES);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP/1.x answer: " + abbreviate(status));
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line: " + abbreviate(status));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    int budget = MAX_HEADER_BYTES;
    for (String line = readLine(in, budget); !line.isEmpty(); line = readLine(in, budget)) {
      budget -= line.length() + 2;
      if (budget <= 0) throw new IOException("HTTP headers too large");
      int colon = line.indexOf(':');
      if (colon > 0) headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    return new Response(code, headers);
  }

  private static String readLine(InputStream in, int max) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("connection closed in the HTTP header");
      if (line.size() >= max) throw new IOException("HTTP header line too long");
      if (b != '\r') line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static long parseLength(String value) throws IOException {
    try {
      long n = Long.parseLong(value.strip());
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + abbreviate(value));
    }
  }

  private void copy(InputStream body, Path target) throws IOException, RefusedException {
    try (OutputStream out = Files.newOutputStream(target)) {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
        total += n;
        if (total > maxBytes) throw new RefusedException("larger than the " + maxBytes + "-byte limit");
        out.write(buf, 0, n);
      }
    }
  }

  /**
   * Refuses URLs whose host resolves to an address inside the network; returns the address to
   * connect to (the first one the name resolved to).
   */
  public InetAddress checkTarget(URI uri) throws RefusedException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) throw new RefusedException("only http and https URLs are allowed");
    if (uri.getHost() == null) throw new RefusedException("the URL has no host");
    if (uri.getUserInfo() != null) throw new RefusedException("credentials in URLs are not allowed");
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new RefusedException("unknown host " + uri.getHost());
    }
    if (!exempt.test(uri)) {
      for (InetAddress a : addresses) {
        // allow-private-remote opens loopback and private ranges; link-local (cloud metadata) stays closed.
        boolean never = AddressRanges.of(a) == AddressRanges.Reach.NEVER;
        if (never || (!allowPrivate && internal(a))) {
          throw new RefusedException("refused: " + uri.getHost() + " resolves to an internal address (" + a.getHostAddress() + ")");
        }
      }
    }
    return addresses[0];
  }

  /** Anything but a public address (the shared rules, IPv4 inside IPv6 forms included: {@link AddressRanges}). */
  static boolean internal(InetAddress a) {
    return AddressRanges.internal(a);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** Every read waits at most until the download's deadline. */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long until;
    private final URI uri;

    DeadlineInputStream(Socket socket, long until, URI uri) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.until = until;
      this.uri = uri;
    }

    private void arm() throws IOException {
      long left = (until - System.nanoTime()) / 1_000_000;
      if (left <= 0) throw timedOut();
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    private IOException timedOut() {
      return new IOException("download of " + uri + " did not finish in time");
    }

    @Override
    public int read() throws IOException {
      arm();
      try {
        return in.read();
      } catch (SocketTimeoutException e) {
        throw timedOut();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      try {
        return in.read(b, off, len);
      } catch (SocketTimeoutException e) {
        throw timedOut();
      }
    }
  }

  /** A body decoder: the single-byte read goes through the array read, where the decoding is. */
  private abstract static class BodyInputStream extends InputStream {
    @Override
    public final int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  /** A body of known length: ends there, and a connection closed early is an error, not a short file. */
  private static final class BoundedInputStream extends BodyInputStream {
    private final InputStream in;
    private long left;

    BoundedInputStream(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) throw new IOException("connection closed " + left + " bytes before the end of the body");
      left -= n;
      return n;
    }
  }

  /** HTTP/1.1 chunked transfer coding (trailers are read and ignored). */
  private static final class ChunkedInputStream extends BodyInputStream {
    private final InputStream in;
    private long chunkLeft;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) return -1;
      if (chunkLeft == 0) {
        String size = readLine(in, 1024);
        int ext = size.indexOf(';');
        try {
          chunkLeft = Long.parseLong((ext < 0 ? size : size.substring(0, ext)).strip(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("bad chunk size: " + abbreviate(size));
        }
        if (chunkLeft == 0) {
          while (!readLine(in, MAX_HEADER_BYTES).isEmpty()) { /* trailers */ }
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, chunkLeft));
      if (n < 0) throw new IOException("connection closed inside a chunk");
      chunkLeft -= n;
      if (chunkLeft == 0 && !readLine(in, 2).isEmpty()) throw new IOException("missing CRLF after a chunk");
      return n;
    }
  }
}
