package dev.smelter.video.server.storage.objects;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3 bucket (AWS, MinIO, Ceph RGW, Cloudflare R2, s3proxy, …) through the AWS SDK v2 with the
 * JDK's URL-connection transport. An optional key prefix lets several services share one bucket.
 */
public final class S3ObjectStore implements ObjectStore {
  /**
   * @param endpoint empty = AWS for {@code region}; else an S3-compatible server's base URL
   * @param accessKey empty = the SDK's default chain (AWS_ACCESS_KEY_ID, profiles, instance roles)
   * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO, s3proxy)
   */
  public record Settings(String bucket, String prefix, Optional<URI> endpoint, String region, boolean pathStyle,
      String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "s3://" + bucket + "/" + prefix + endpoint.map(e -> " at " + e).orElse("") + " (" + region + ")";
    }
  }

  private final Settings settings;
  private final S3Client client;
  private final S3Presigner presigner;

  public S3ObjectStore(Settings s) {
    this.settings = s;
    AwsCredentialsProvider credentials = s.accessKey().isEmpty()
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
    S3Configuration config = S3Configuration.builder().pathStyleAccessEnabled(s.pathStyle()).build();
    var builder = S3Client.builder()
        // Bounded waits: an unreachable store fails the job instead of hanging a render slot.
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)))
        .region(Region.of(s.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(config)
        // Checksums only where S3 requires them: many S3-compatible servers reject the newer CRC trailers.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    var presign = S3Presigner.builder().region(Region.of(s.region())).credentialsProvider(credentials).serviceConfiguration(config);
    s.endpoint().ifPresent(e -> {
      builder.endpointOverride(e);
      presign.endpointOverride(e);
    });
    this.client = builder.build();
    this.presigner = presign.build();
  }

  private String key(String key) {
    return settings.prefix() + ObjectStore.checkKey(key);
  }

  @Override
  public void put(String key, Path file) throws IOException {
    long size = Files.size(file);
    try {
      client.putObject(b -> b.bucket(settings.bucket()).key(key(key)).contentLength(size), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failure("cannot store " + key, e);
    }
  }

  @Override
  public void get(String key, Path target) throws IOException {
    Path tmp = target.resolveSibling(".tmp-" + UUID.randomUUID());
    try {
      client.getObject(b -> b.bucket(settings.bucket()).key(key(key)), ResponseTransformer.toFile(tmp));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchKeyException e) {
      throw new NoSuchObjectException(key, describe());
    } catch (SdkException e) {
      if (e instanceof S3Exception s3 && s3.statusCode() == 404) throw new NoSuchObjectException(key, describe());
      throw failure("cannot fetch " + key, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public Optional<Info> stat(String key) throws IOException {
    try {
      HeadObjectResponse h = client.headObject(b -> b.bucket(settings.bucket()).key(key(key)));
      return Optional.of(new Info(key, h.contentLength(), h.lastModified(), h.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      if (e instanceof S3Exception s3 && s3.statusCode() == 404) return Optional.empty();
      throw failure("cannot look up " + key, e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      client.deleteObject(b -> b.bucket(settings.bucket()).key(key(key)));
    } catch (SdkException e) {
      throw failure("cannot delete " + key, e);
    }
  }

  @Override
  public List<Info> list(String prefix) throws IOException {
    List<Info> out = new ArrayList<>();
    try {
      ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(settings.prefix() + prefix).build();
      for (S3Object o : client.listObjectsV2Paginator(request).contents()) {
        out.add(new Info(o.key().substring(settings.prefix().length()), o.size(), o.lastModified(), o.eTag()));
      }
    } catch (SdkException e) {
      throw failure("cannot list " + prefix, e);
    }
    return out;
  }

  @Override
  public Optional<URI> presignedGet(String key, Duration ttl, String downloadName) {
    String disposition = "attachment; filename=\"" + downloadName.replaceAll("[\"\\\\\\p{Cntrl}]", "_") + "\"";
    var request = presigner.presignGetObject(p -> p.signatureDuration(ttl)
        .getObjectRequest(g -> g.bucket(settings.bucket()).key(key(key)).responseContentDisposition(disposition)));
    return Optional.of(URI.create(request.url().toString()));
  }

  @Override
  public String describe() {
    return settings.toString();
  }

  /** The SDK's message (never the credentials) as an IOException the job can fail with. */
  private IOException failure(String what, SdkException e) {
    return new IOException(what + " in " + describe() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }
}
