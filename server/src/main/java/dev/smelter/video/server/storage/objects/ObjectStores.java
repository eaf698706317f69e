package dev.smelter.video.server.storage.objects;

import dev.smelter.video.server.ServiceProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Opens the store {@code smelter.storage.url} names. */
public final class ObjectStores {
  private ObjectStores() {}

  /**
   * {@code s3://bucket[/prefix][?endpoint=URL&region=R&pathStyle=true]} (query parameters win over the
   * separate settings), {@code file:///path} or a plain folder path; empty when none is configured.
   */
  public static Optional<ObjectStore> open(ServiceProperties.ObjectStorage config) throws IOException {
    String url = config.url().strip();
    if (url.isEmpty()) return Optional.empty();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) return Optional.of(new S3ObjectStore(s3(url, config)));
    if (lower.startsWith("file:")) return Optional.of(new FolderObjectStore(Path.of(URI.create(url))));
    if (url.matches("(?i)^[a-z][a-z0-9+.-]+://.*")) {
      throw new IllegalArgumentException("smelter.storage.url: only s3://bucket, file:///path or a folder path are supported, not " + url);
    }
    return Optional.of(new FolderObjectStore(Path.of(url)));
  }

  static S3ObjectStore.Settings s3(String url, ServiceProperties.ObjectStorage config) {
    String rest = url.substring("s3://".length());
    int q = rest.indexOf('?');
    Map<String, String> query = query(q < 0 ? "" : rest.substring(q + 1));
    String location = q < 0 ? rest : rest.substring(0, q);
    int slash = location.indexOf('/');
    String bucket = slash < 0 ? location : location.substring(0, slash);
    String prefix = slash < 0 ? "" : location.substring(slash + 1).replaceAll("^/+|/+$", "");
    if (bucket.isEmpty()) throw new IllegalArgumentException("smelter.storage.url: no bucket in " + url);
    String endpoint = query.getOrDefault("endpoint", config.endpoint()).strip();
    String region = query.getOrDefault("region", config.region()).strip();
    String pathStyle = query.getOrDefault("pathstyle", query.getOrDefault("path-style", String.valueOf(config.pathStyle())));
    return new S3ObjectStore.Settings(bucket, prefix.isEmpty() ? "" : prefix + "/",
        endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)), region.isEmpty() ? "us-east-1" : region,
        Boolean.parseBoolean(pathStyle.strip()), config.accessKey().strip(), config.secretKey().strip());
  }

  private static Map<String, String> query(String q) {
    Map<String, String> out = new HashMap<>();
    for (String pair : q.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      if (k.equals("accesskey") || k.equals("secretkey")) {
        throw new IllegalArgumentException("smelter.storage.url: give credentials with smelter.storage.access-key/secret-key, not in the URL");
      }
      out.put(k, eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
