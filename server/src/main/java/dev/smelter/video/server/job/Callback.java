package dev.smelter.video.server.job;

import java.util.Map;
import java.util.Optional;

/**
 * Where to POST a job's terminal event. The URL is used exactly as given (an n8n resume URL carries
 * its signature in the query string).
 */
public record Callback(String url, Map<String, String> headers, Optional<BasicAuth> basicAuth) {
  public Callback {
    headers = Map.copyOf(headers);
  }

  public record BasicAuth(String user, String password) {}
}
