package dev.smelter.video.server.job;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where to POST a job's terminal event. The URL is used exactly as given (an n8n resume URL carries
 * its signature in the query string).
 */
public record Callback(String url, Map<String, String> headers, Optional<BasicAuth> basicAuth) {
  public Callback {
    headers = Map.copyOf(headers);
  }

  public record BasicAuth(String user, String password) {
    /** Never shows the password (records end up in logs and error reports). */
    @Override
    public String toString() {
      return "BasicAuth[user=" + user + ", password=***]";
    }
  }

  /** The URL without credentials or secret query values, header names without values (they often carry tokens). */
  @Override
  public String toString() {
    return "Callback[url=" + dev.smelter.video.server.net.UrlRedaction.redact(url) + ", headers=" + headers.keySet()
        + ", basicAuth=" + basicAuth + "]";
  }

  /**
   * Headers the service sets itself and a job's own {@code headers} must not replace: the Standard
   * Webhooks ones (a job could otherwise forge or blank the signature), the body's type, and those
   * the HTTP client manages.
   */
  public static final Set<String> RESERVED_HEADERS = Set.of("webhook-id", "webhook-timestamp", "webhook-signature", "content-type",
      "content-length", "host", "connection", "expect", "upgrade", "transfer-encoding");

  public static boolean reserved(String header) {
    return RESERVED_HEADERS.contains(header.strip().toLowerCase(Locale.ROOT));
  }
}
