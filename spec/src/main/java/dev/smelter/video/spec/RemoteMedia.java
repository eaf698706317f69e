package dev.smelter.video.spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Brings an {@code http(s)} path of a spec that allows remote requests to a local file before it is
 * probed. The spec module never touches the network itself; a caller that may fetch (the CLI, with
 * its address guard) supplies this.
 */
@FunctionalInterface
public interface RemoteMedia {
  /** The local copy of {@code url}; the exception's message says why there is none. */
  Path fetch(String url) throws IOException;

  /** Refuses every URL: planning reports remote paths as problems. */
  RemoteMedia NONE = url -> {
    throw new IOException("remote file " + url + " must be downloaded before planning (use the service, which fetches allowed URLs)");
  };
}
