package dev.smelter.video.server.intake;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which remote media a job may name ({@code smelter.security.allow-remote} and
 * {@code smelter.security.remote-hosts}), with a refusal that tells the operator which setting to
 * change: the user's product videos come from one host, and finding two settings by trial is how
 * the first render of that workflow failed.
 */
public final class RemoteHosts {
  private final boolean allowed;
  private final List<String> hosts;

  public RemoteHosts(boolean allowed, List<String> hosts) {
    this.allowed = allowed;
    this.hosts = hosts == null ? List.of() : hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
  }

  /** Empty when the URL may be fetched (the fetcher still refuses internal addresses); otherwise why not. */
  public Optional<String> refusal(URI uri) {
    if (!allowed) {
      return Optional.of("remote URLs are not allowed on this server (an operator turns them on with smelter.security.allow-remote=true,"
          + " best limited to the hosts the workflows use with smelter.security.remote-hosts=" + hostOf(uri) + ")");
    }
    if (hosts.isEmpty() || permits(hostOf(uri))) return Optional.empty();
    return Optional.of("host " + hostOf(uri) + " is not in smelter.security.remote-hosts (" + String.join(",", hosts) + ")");
  }

  private boolean permits(String host) {
    for (String h : hosts) {
      if (h.startsWith("*.") ? host.endsWith(h.substring(1)) : host.equals(h)) return true;
    }
    return false;
  }

  private static String hostOf(URI uri) {
    String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
