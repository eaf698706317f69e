package dev.smelter.video.server.net;

import dev.smelter.video.render.fetch.AddressRanges;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's exceptions to the internal-address rule ({@code smelter.webhook.allowed-hosts}): host
 * names ({@code n8n}, {@code localhost}), sub-domain patterns ({@code *.internal.example}), addresses
 * ({@code 172.18.0.5}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). A host
 * name entry trusts whatever that name resolves to — except what is never a target (link-local,
 * metadata, multicast), which no entry can allow.
 */
public final class AllowedHosts {
  private record Range(byte[] network, int bits) {
    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) return false;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((b[i / 8] & mask) != (network[i / 8] & mask)) return false;
      }
      return true;
    }
  }

  public static final AllowedHosts NONE = new AllowedHosts(List.of(), List.of(), List.of());

  private final List<String> names;
  private final List<String> suffixes;
  private final List<Range> ranges;

  private AllowedHosts(List<String> names, List<String> suffixes, List<Range> ranges) {
    this.names = List.copyOf(names);
    this.suffixes = List.copyOf(suffixes);
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses the entries; a malformed one is refused with the setting's name, so a typo fails the
   * start instead of silently allowing nothing (or too much).
   */
  public static AllowedHosts parse(List<String> entries, String setting) {
    List<String> names = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries) {
      String e = raw.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) continue;
      int slash = e.indexOf('/');
      Optional<InetAddress> literal = AddressRanges.literal(slash < 0 ? e : e.substring(0, slash));
      if (literal.isPresent()) {
        int max = literal.get().getAddress().length * 8;
        int bits = max;
        if (slash >= 0) {
          try {
            bits = Integer.parseInt(e.substring(slash + 1));
          } catch (NumberFormatException x) {
            bits = -1;
          }
          if (bits < 0 || bits > max) throw new IllegalArgumentException(setting + ": bad prefix length in '" + raw + "'");
        }
        ranges.add(new Range(literal.get().getAddress(), bits));
      } else if (slash >= 0) {
        throw new IllegalArgumentException(setting + ": '" + raw + "' is neither a host name nor an address range");
      } else if (e.startsWith("*.") && e.length() > 2 && validName(e.substring(2))) {
        suffixes.add(e.substring(1)); // ".internal.example"
      } else if (validName(e)) {
        names.add(e.endsWith(".") ? e.substring(0, e.length() - 1) : e);
      } else {
        throw new IllegalArgumentException(setting + ": '" + raw + "' is neither a host name nor an address range");
      }
    }
    return names.isEmpty() && suffixes.isEmpty() && ranges.isEmpty() ? NONE : new AllowedHosts(names, suffixes, ranges);
  }

  private static boolean validName(String s) {
    return s.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");
  }

  /** Whether {@code address}, which {@code host} (as written in the URL) resolved to, is allowed although internal. */
  public boolean permits(String host, InetAddress address) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    if (names.contains(h)) return true;
    for (String s : suffixes) {
      if (h.endsWith(s)) return true;
    }
    for (Range r : ranges) {
      if (r.contains(address)) return true;
    }
    return false;
  }

  public boolean isEmpty() {
    return this == NONE;
  }
}
