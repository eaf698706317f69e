package dev.smelter.video.server.storage.objects;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server (s3proxy, in memory) on a free port of 127.0.0.1, with AWS V4 signatures
 * checked: what the SDK sends is parsed and answered as S3 would. One per JVM; each test uses its
 * own bucket.
 */
public final class S3TestServer {
  public static final String ACCESS_KEY = "test-access";
  public static final String SECRET_KEY = "test-secret-key-0123456789";

  private static S3TestServer shared;

  private final S3Proxy proxy;
  private final TransientNio2BlobStore blobs = new TransientNio2BlobStore();
  public final URI endpoint;

  private S3TestServer() throws Exception {
    proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!proxy.getState().equals("STARTED")) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      Thread.onSpinWait();
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public static synchronized S3TestServer shared() throws Exception {
    if (shared == null) {
      shared = new S3TestServer();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          shared.proxy.stop();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
    }
    return shared;
  }

  /** A new empty bucket. */
  public String newBucket() {
    String name = "b-" + UUID.randomUUID().toString().substring(0, 12);
    blobs.createContainer(name);
    return name;
  }

  /** The {@code smelter.storage.url} of a bucket here. */
  public String url(String bucket) {
    return "s3://" + bucket + "?endpoint=" + endpoint + "&pathStyle=true&region=us-east-1";
  }

  public S3ObjectStore store(String bucket, String prefix) {
    return new S3ObjectStore(new S3ObjectStore.Settings(bucket, prefix, Optional.of(endpoint), "us-east-1", true, ACCESS_KEY, SECRET_KEY));
  }
}
