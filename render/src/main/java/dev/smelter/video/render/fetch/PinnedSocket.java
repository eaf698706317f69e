package dev.smelter.video.render.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A connection to an address checked beforehand (the media fetcher's check in {@link RemoteFetcher},
 * the webhook sender's target check in the server), never to a second lookup of the URL's host, which
 * could answer differently (DNS rebinding). Over {@code https} the certificate must still name the
 * URL's host, not the address.
 */
public final class PinnedSocket {
  private PinnedSocket() {}

  /**
   * Connects within {@code connectMillis} and starts TLS for {@code https}; reads then time out after
   * {@code readMillis}. On failure the socket is closed.
   */
  public static Socket open(URI uri, InetAddress address, SSLContext tls, int connectMillis, int readMillis) throws IOException {
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(address, port), Math.max(1, connectMillis));
      plain.setSoTimeout(Math.max(1, readMillis));
      if (!https) return plain;
      String host = bare(uri.getHost());
      SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters params = ssl.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      if (!literalAddress(host)) params.setServerNames(List.of(new SNIHostName(host)));
      ssl.setSSLParameters(params);
      ssl.startHandshake();
      return ssl;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host.toLowerCase(Locale.ROOT);
  }

  private static boolean literalAddress(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}
