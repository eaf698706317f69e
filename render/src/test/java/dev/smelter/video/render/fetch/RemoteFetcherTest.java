package dev.smelter.video.render.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads over a socket pinned to the checked address: HTTP/1.1 bodies, redirects, limits, deadline,
 * TLS, and which addresses count as internal.
 */
class RemoteFetcherTest {
  private static final byte[] BODY = "0123456789".repeat(5000).getBytes();

  @TempDir Path dir;
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) server.stop(0);
  }

  private URI serve(HttpServer s) throws IOException {
    server = s;
    s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    s.createContext("/sized", x -> {
      x.sendResponseHeaders(200, BODY.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(BODY);
      }
    });
    s.createContext("/chunked", x -> {
      x.sendResponseHeaders(200, 0); // length 0 = chunked transfer coding
      try (OutputStream o = x.getResponseBody()) {
        for (int i = 0; i < BODY.length; i += 7000) o.write(BODY, i, Math.min(7000, BODY.length - i));
      }
    });
    s.createContext("/moved", x -> {
      x.getResponseHeaders().add("Location", "/sized?from=moved");
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    s.createContext("/loop", x -> {
      x.getResponseHeaders().add("Location", "/loop");
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    s.createContext("/missing", x -> {
      x.sendResponseHeaders(404, -1);
      x.close();
    });
    s.createContext("/short", x -> { // promises more than it sends, then hangs up
      x.sendResponseHeaders(200, 1000);
      x.getResponseBody().write(new byte[10]);
      x.getResponseBody().flush();
      x.close();
    });
    s.createContext("/trickle", x -> { // promises a body, sends a little, then stalls
      x.sendResponseHeaders(200, 1000);
      x.getResponseBody().write(new byte[10]);
      x.getResponseBody().flush();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
    });
    s.start();
    String scheme = s instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://localhost:" + s.getAddress().getPort() + "/");
  }

  private URI plainServer() throws IOException {
    return serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  private static RemoteFetcher trusting(long maxBytes, Duration deadline) {
    return new RemoteFetcher(maxBytes, true, deadline);
  }

  @Test
  void downloadsBodiesWithLengthOrChunked() throws Exception {
    URI base = plainServer();
    RemoteFetcher fetcher = trusting(1 << 20, Duration.ofSeconds(10));
    assertThat(Files.readAllBytes(fetcher.fetch(base.resolve("/sized"), dir.resolve("a")))).isEqualTo(BODY);
    assertThat(Files.readAllBytes(fetcher.fetch(base.resolve("/chunked"), dir.resolve("b")))).isEqualTo(BODY);
  }

  @Test
  void followsRedirectsButNotForever() throws Exception {
    URI base = plainServer();
    RemoteFetcher fetcher = trusting(1 << 20, Duration.ofSeconds(10));
    assertThat(Files.readAllBytes(fetcher.fetch(base.resolve("/moved"), dir.resolve("a")))).isEqualTo(BODY);
    assertThatThrownBy(() -> fetcher.fetch(base.resolve("/loop"), dir.resolve("b")))
        .isInstanceOf(RemoteFetcher.RefusedException.class).hasMessage("too many redirects");
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void refusesLoopbackUnlessPrivateAddressesAreAllowed() throws Exception {
    URI base = plainServer();
    RemoteFetcher guarded = new RemoteFetcher(1 << 20, false, Duration.ofSeconds(10));
    assertThatThrownBy(() -> guarded.fetch(base.resolve("/sized"), dir.resolve("a")))
        .isInstanceOf(RemoteFetcher.RefusedException.class).hasMessageContaining("resolves to an internal address");
    assertThatThrownBy(() -> guarded.checkTarget(URI.create("http://169.254.169.254/latest/meta-data/")))
        .hasMessageContaining("internal address (169.254.169.254)");
    for (String v6 : java.util.List.of("http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a00:1::]/")) {
      assertThatThrownBy(() -> guarded.checkTarget(URI.create(v6))).as(v6).hasMessageContaining("resolves to an internal address");
    }
    assertThatThrownBy(() -> guarded.checkTarget(URI.create("file:///etc/passwd"))).hasMessage("only http and https URLs are allowed");
    assertThatThrownBy(() -> guarded.checkTarget(URI.create("http://user:pw@example.com/x")))
        .hasMessage("credentials in URLs are not allowed");
    assertThat(dir.resolve("a")).doesNotExist();
    // Allowing private addresses does not open link-local ones: the metadata service stays unreachable.
    RemoteFetcher privateAllowed = new RemoteFetcher(1 << 20, true, Duration.ofSeconds(10));
    for (String metadata : java.util.List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/", "http://0.0.0.0/")) {
      assertThatThrownBy(() -> privateAllowed.checkTarget(URI.create(metadata))).as(metadata).hasMessageContaining("internal address");
    }
    assertThat(privateAllowed.checkTarget(URI.create("http://127.0.0.1/")).getHostAddress()).isEqualTo("127.0.0.1");
  }

  /**
   * Production settings (private addresses refused); only the first hop, a loopback server standing
   * in for a public one, is exempt. Its redirects to internal addresses are refused at the hop, before
   * any connection is made, and nothing is written.
   */
  @Test
  void aRedirectToAnInternalAddressIsRefused() throws Exception {
    java.util.concurrent.atomic.AtomicInteger internalHits = new java.util.concurrent.atomic.AtomicInteger();
    HttpServer internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext("/", x -> {
      internalHits.incrementAndGet();
      x.sendResponseHeaders(200, BODY.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(BODY);
      }
    });
    internal.start();
    try {
      URI first = plainServer();
      int internalPort = internal.getAddress().getPort();
      for (String target : java.util.List.of("http://127.0.0.1:" + internalPort + "/secret", "http://localhost:" + internalPort + "/secret",
          "http://127.0.0.1:" + first.getPort() + "/sized", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x",
          "http://[::1]:" + internalPort + "/secret")) {
        server.removeContext("/moved");
        server.createContext("/moved", x -> {
          x.getResponseHeaders().add("Location", target);
          x.sendResponseHeaders(302, -1);
          x.close();
        });
        RemoteFetcher production = new RemoteFetcher(1 << 20, false, Duration.ofSeconds(10), SSLContext.getDefault(),
            uri -> uri.getHost().equals(first.getHost()) && uri.getPort() == first.getPort());
        Path file = dir.resolve("f-" + Math.abs(target.hashCode()));
        assertThatThrownBy(() -> production.fetch(first.resolve("/moved"), file)).as(target)
            .isInstanceOf(RemoteFetcher.RefusedException.class).hasMessageContaining("resolves to an internal address");
        assertThat(file).doesNotExist();
      }
      assertThat(internalHits).hasValue(0);
      // The exemption alone lets the first hop through: without a redirect the same fetcher downloads.
      RemoteFetcher production = new RemoteFetcher(1 << 20, false, Duration.ofSeconds(10), SSLContext.getDefault(),
          uri -> uri.getHost().equals(first.getHost()) && uri.getPort() == first.getPort());
      assertThat(Files.readAllBytes(production.fetch(first.resolve("/sized"), dir.resolve("ok")))).isEqualTo(BODY);
    } finally {
      internal.stop(0);
    }
  }

  @Test
  void limitsSizeWhetherAnnouncedOrNot() throws Exception {
    URI base = plainServer();
    RemoteFetcher small = trusting(BODY.length - 1, Duration.ofSeconds(10));
    assertThatThrownBy(() -> small.fetch(base.resolve("/sized"), dir.resolve("a"))).hasMessageContaining("byte limit");
    assertThatThrownBy(() -> small.fetch(base.resolve("/chunked"), dir.resolve("b"))).hasMessageContaining("byte limit");
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void failsWithoutLeavingAFile() throws Exception {
    URI base = plainServer();
    RemoteFetcher fetcher = trusting(1 << 20, Duration.ofSeconds(10));
    assertThatThrownBy(() -> fetcher.fetch(base.resolve("/missing"), dir.resolve("a"))).hasMessageStartingWith("HTTP 404");
    assertThatThrownBy(() -> fetcher.fetch(base.resolve("/short"), dir.resolve("b"))).hasMessageContaining("bytes before the end");
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void oneDeadlineBoundsTheWholeDownload() throws Exception {
    URI base = plainServer();
    RemoteFetcher fetcher = trusting(1 << 20, Duration.ofMillis(400));
    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(base.resolve("/trickle"), dir.resolve("a"))).hasMessageContaining("did not finish in time");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void httpsVerifiesTheCertificateAgainstTheHostName() throws Exception {
    KeyStore keys = selfSigned(dir.resolve("keys.p12"));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    URI base = serve(https);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", keys.getCertificate("server"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);
    RemoteFetcher fetcher = new RemoteFetcher(1 << 20, true, Duration.ofSeconds(10), clientTls);

    assertThat(Files.readAllBytes(fetcher.fetch(base.resolve("/chunked"), dir.resolve("a")))).isEqualTo(BODY);
    // Same server, same trusted certificate, but reached by an address the certificate does not name.
    URI byAddress = URI.create("https://127.0.0.1:" + base.getPort() + "/sized");
    assertThatThrownBy(() -> fetcher.fetch(byAddress, dir.resolve("b"))).isInstanceOf(IOException.class);
    assertThat(dir.resolve("b")).doesNotExist();
    // The JVM's default trust store does not know a self-signed certificate.
    RemoteFetcher defaults = new RemoteFetcher(1 << 20, true, Duration.ofSeconds(10));
    assertThatThrownBy(() -> defaults.fetch(base.resolve("/sized"), dir.resolve("c"))).isInstanceOf(IOException.class);
  }

  /** A certificate for "localhost" only, made with the JDK's keytool. */
  private static KeyStore selfSigned(Path file) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", file.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out)).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, "changeit".toCharArray());
    }
    return ks;
  }

  @Test
  void internalAddresses() throws Exception {
    for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1",
        "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1",
        // IPv4 inside IPv6 (issue 21): IPv4-compatible, NAT64 and 6to4 forms of loopback, metadata and private addresses
        "::127.0.0.1", "::169.254.169.254", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:a00:1::1")) {
      assertThat(RemoteFetcher.internal(InetAddress.getByName(a))).as(a).isTrue();
    }
    for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111")) {
      assertThat(RemoteFetcher.internal(InetAddress.getByName(a))).as(a).isFalse();
    }
  }
}
