package dev.smelter.video.server.webhook;

import dev.smelter.video.render.fetch.PinnedSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * One webhook POST over HTTP/1.1 to an address checked beforehand (a general-purpose client would
 * resolve the name again, and a changed DNS answer would get past the check). The answer is read
 * only as far as its status line, headers (at most {@value #MAX_HEAD_BYTES} bytes) and the first
 * {@value #MAX_BODY_BYTES} bytes of its body — enough to tell n8n's "running already" apart —, then
 * the connection is closed: a receiver streaming a huge answer costs us nothing. Redirects are not
 * followed. One deadline bounds connecting, sending and reading.
 */
final class WebhookHttp {
  static final int MAX_HEAD_BYTES = 16 * 1024;
  static final int MAX_BODY_BYTES = 4 * 1024;

  /** The status and the start of the body (never more than {@link #MAX_BODY_BYTES}). */
  record Answer(int status, String bodyStart) {}

  private final SSLContext tls;

  WebhookHttp() {
    this(defaultTls());
  }

  WebhookHttp(SSLContext tls) {
    this.tls = tls;
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
  }

  Answer post(URI uri, InetAddress address, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
    long until = System.nanoTime() + timeout.toNanos();
    try (Socket socket = open(uri, address, until)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(uri, headers, body.length).getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      int status = statusAndHeaders(socket, in, until, uri);
      return new Answer(status, bodyStart(socket, in, until, uri));
    }
  }

  private Socket open(URI uri, InetAddress address, long until) throws IOException {
    return PinnedSocket.open(uri, address, tls, millisLeft(until, uri), millisLeft(until, uri));
  }

  private static String head(URI uri, Map<String, String> headers, int length) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery(); // as given: an n8n resume URL is signed
    String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    StringBuilder h = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
    headers.forEach((k, v) -> {
      if (safe(k) && safe(v)) h.append(k).append(": ").append(v).append("\r\n");
    });
    return h.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n").toString();
  }

  /** Header text cannot end the header early (values come from job requests, checked at intake too). */
  private static boolean safe(String s) {
    return s.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
  }

  private static int statusAndHeaders(Socket socket, InputStream in, long until, URI uri) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String status = line(socket, in, until, uri, budget);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP/1.x answer");
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line");
    }
    if (code >= 100 && code < 200) { // an interim answer (100 Continue): the real one follows
      while (!line(socket, in, until, uri, budget).isEmpty()) { /* its headers */ }
      return statusAndHeaders(socket, in, until, uri);
    }
    while (!line(socket, in, until, uri, budget).isEmpty()) { /* headers: only the status matters */ }
    return code;
  }

  private static String bodyStart(Socket socket, InputStream in, long until, URI uri) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buf = new byte[1024];
    try {
      while (body.size() < MAX_BODY_BYTES) {
        arm(socket, until, uri);
        int n = in.read(buf, 0, Math.min(buf.length, MAX_BODY_BYTES - body.size()));
        if (n < 0) break;
        body.write(buf, 0, n);
      }
    } catch (IOException e) {
      // The status is the answer; a body cut short or slow is no reason to send again.
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static String line(Socket socket, InputStream in, long until, URI uri, int[] budget) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      arm(socket, until, uri);
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw new IOException("no answer in time");
      }
      if (b < 0) throw new IOException("connection closed before the answer's headers ended");
      if (--budget[0] < 0) throw new IOException("answer headers larger than " + MAX_HEAD_BYTES + " bytes");
      if (b == '\n') return line.toString(StandardCharsets.ISO_8859_1);
      if (b != '\r') line.write(b);
    }
  }

  private static void arm(Socket socket, long until, URI uri) throws IOException {
    socket.setSoTimeout(millisLeft(until, uri));
  }

  private static int millisLeft(long until, URI uri) throws IOException {
    long left = (until - System.nanoTime()) / 1_000_000;
    if (left <= 0) throw new IOException("no answer in time");
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

}
