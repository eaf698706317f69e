package dev.smelter.video.server.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, a seam so tests can answer differently on each lookup (DNS rebinding). */
@FunctionalInterface
public interface HostResolver {
  InetAddress[] resolve(String host) throws UnknownHostException;

  static HostResolver system() {
    return InetAddress::getAllByName;
  }
}
