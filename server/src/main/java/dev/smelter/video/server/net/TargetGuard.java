package dev.smelter.video.server.net;

import dev.smelter.video.render.fetch.AddressRanges;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether the service may send a request to a URL an API client gave (webhooks). Every
 * address the host resolves to must be public, or internal and allowed by {@code smelter.webhook.allowed-hosts};
 * link-local (cloud metadata), multicast and "this host" addresses are refused whatever is allowed.
 * The check returns the address to connect to, so the caller connects to exactly what was checked
 * (a second lookup could answer differently: DNS rebinding).
 */
public final class TargetGuard {
  /** Why a URL is not a target. */
  public static final class RefusedException extends Exception {
    public RefusedException(String message) {
      super(message);
    }
  }

  private final AllowedHosts allowed;
  private final HostResolver resolver;
  private final String setting;

  public TargetGuard(AllowedHosts allowed, HostResolver resolver, String setting) {
    this.allowed = allowed;
    this.resolver = resolver;
    this.setting = setting;
  }

  /**
   * Checks the URL's form and every address of its host.
   *
   * @throws UnknownHostException when the name does not resolve now (DNS may answer later: a retry, not a refusal)
   */
  public InetAddress check(URI uri) throws RefusedException, UnknownHostException {
    checkForm(uri);
    String host = uri.getHost();
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses.length == 0) throw new UnknownHostException(host);
    for (InetAddress a : addresses) {
      AddressRanges.Reach reach = AddressRanges.of(a);
      if (reach == AddressRanges.Reach.NEVER) {
        throw new RefusedException(host + " resolves to " + a.getHostAddress()
            + ", a link-local, metadata, multicast or unspecified address, which is never a target");
      }
      if (reach == AddressRanges.Reach.INTERNAL && !allowed.permits(bare(host), a)) {
        throw new RefusedException(host + " resolves to " + a.getHostAddress() + ", an internal address; allow it with " + setting);
      }
    }
    return addresses[0];
  }

  /** The checks that need no lookup: scheme and host. */
  public static void checkForm(URI uri) throws RefusedException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) throw new RefusedException("must be an absolute http(s) URL");
    if (uri.getHost() == null || uri.getHost().isEmpty()) throw new RefusedException("the URL has no host");
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
