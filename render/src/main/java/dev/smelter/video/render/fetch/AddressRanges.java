package dev.smelter.video.render.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where an address points, for the SSRF guards of media fetching and webhooks. IPv6 forms that carry
 * an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, because a host
 * (or its NAT64 gateway / 6to4 relay) delivers them there.
 */
public final class AddressRanges {
  private AddressRanges() {}

  /** How far an address may be a target. */
  public enum Reach {
    /** The public internet. */
    PUBLIC,
    /** Loopback, private, unique-local, CGNAT, reserved: only where an operator allows it. */
    INTERNAL,
    /**
     * Never a target, whatever is configured: link-local (cloud metadata at 169.254.169.254 and
     * fe80::/10), "this host" 0.0.0.0/8 and ::, multicast and broadcast.
     */
    NEVER
  }

  public static Reach of(InetAddress a) {
    byte[] b = a.getAddress();
    return a instanceof Inet6Address ? ipv6(b) : ipv4(b);
  }

  /** True for anything not on the public internet. */
  public static boolean internal(InetAddress a) {
    return of(a) != Reach.PUBLIC;
  }

  private static Reach ipv4(byte[] b) {
    int first = b[0] & 0xff, second = b[1] & 0xff, third = b[2] & 0xff;
    if (first == 0) return Reach.NEVER; // "this network": 0.0.0.0 reaches the local host on Linux
    if (first == 169 && second == 254) return Reach.NEVER; // link-local, cloud metadata
    if (first >= 224) return Reach.NEVER; // multicast 224/4, reserved 240/4, broadcast
    if (first == 127 || first == 10) return Reach.INTERNAL;
    if (first == 172 && second >= 16 && second < 32) return Reach.INTERNAL;
    if (first == 192 && second == 168) return Reach.INTERNAL;
    if (first == 100 && second >= 64 && second < 128) return Reach.INTERNAL; // CGNAT (Alibaba's metadata is 100.100.100.200)
    if (first == 192 && second == 0 && (third == 0 || third == 2)) return Reach.INTERNAL; // IETF protocol assignments, TEST-NET-1
    if (first == 198 && (second == 18 || second == 19)) return Reach.INTERNAL; // benchmarking
    if (first == 198 && second == 51 && third == 100) return Reach.INTERNAL; // TEST-NET-2
    if (first == 203 && second == 0 && third == 113) return Reach.INTERNAL; // TEST-NET-3
    return Reach.PUBLIC;
  }

  private static Reach ipv6(byte[] b) {
    int w0 = word(b, 0), w1 = word(b, 2);
    if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return ipv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
    if (zero(b, 0, 12)) {
      if (zero(b, 12, 15) && (b[15] == 0 || b[15] == 1)) return b[15] == 0 ? Reach.NEVER : Reach.INTERNAL; // :: and ::1
      return ipv4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
    }
    if (w0 == 0x64 && w1 == 0xff9b && zero(b, 4, 12)) return ipv4(Arrays.copyOfRange(b, 12, 16)); // NAT64 well-known prefix
    if (w0 == 0x64 && w1 == 0xff9b) return Reach.INTERNAL; // 64:ff9b:1::/48 local-use NAT64
    if (w0 == 0x2002) return ipv4(Arrays.copyOfRange(b, 2, 6)); // 6to4 carries its IPv4 relay address
    if (w0 == 0x2001 && w1 == 0) return Reach.INTERNAL; // Teredo: tunnels to an obfuscated IPv4 address
    if (w0 == 0x2001 && w1 == 0x0db8) return Reach.INTERNAL; // documentation
    if (w0 == 0x0100 && zero(b, 2, 8)) return Reach.INTERNAL; // discard-only 100::/64
    if ((b[0] & 0xff) == 0xff) return Reach.NEVER; // multicast
    if ((w0 & 0xffc0) == 0xfe80) return Reach.NEVER; // link-local
    if ((w0 & 0xffc0) == 0xfec0) return Reach.INTERNAL; // site-local (deprecated)
    if ((b[0] & 0xfe) == 0xfc) return Reach.INTERNAL; // unique local fc00::/7 (AWS's IPv6 metadata fd00:ec2::254 is here)
    return Reach.PUBLIC;
  }

  private static int word(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) return false;
    }
    return true;
  }

  /** An address literal parsed without any DNS lookup; empty when {@code text} is not one. */
  public static java.util.Optional<InetAddress> literal(String text) {
    String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?");
    if (!v4 && !v6) return java.util.Optional.empty();
    try {
      InetAddress a = InetAddress.getByName(t); // a literal: no lookup
      return v4 && !(a instanceof Inet4Address) ? java.util.Optional.empty() : java.util.Optional.of(a);
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }
}
