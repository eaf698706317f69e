package dev.smelter.video.server.storage.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both stores against the same contract; the S3 one against a real S3 server on loopback. */
class ObjectStoreTest {
  @TempDir static Path shared;

  static Stream<ObjectStore> stores() throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    return Stream.of(s3.store(s3.newBucket(), ""), s3.store(s3.newBucket(), "service-a/"),
        new FolderObjectStore(Files.createTempDirectory(shared, "folder-store")));
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @MethodSource("stores")
  void putGetStatListDeleteRoundTrip(ObjectStore store, @TempDir Path tmp) throws Exception {
    try (store) {
      byte[] content = bytes(200_000, 1);
      Path src = Files.write(tmp.resolve("src.bin"), content);
      store.put("inputs/abc.bin", src);
      store.put("inputs/def.bin", Files.write(tmp.resolve("small"), new byte[] {1, 2, 3}));
      store.put("outputs/x.mp4", src);

      Path target = tmp.resolve("got/abc.bin");
      Files.createDirectories(target.getParent());
      store.get("inputs/abc.bin", target);
      assertThat(Files.readAllBytes(target)).isEqualTo(content);
      // Nothing but the file itself: the temporary download was renamed into place.
      try (Stream<Path> s = Files.list(target.getParent())) {
        assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("abc.bin");
      }

      assertThat(store.stat("inputs/abc.bin")).get().satisfies(i -> {
        assertThat(i.size()).isEqualTo(200_000);
        assertThat(i.lastModified()).isNotNull();
        assertThat(i.etag()).isNotBlank();
      });
      assertThat(store.exists("inputs/nope.bin")).isFalse();
      assertThat(store.list("inputs/").stream().map(ObjectStore.Info::key)).containsExactlyInAnyOrder("inputs/abc.bin", "inputs/def.bin");
      assertThat(store.list("outputs/")).singleElement().satisfies(i -> assertThat(i.size()).isEqualTo(200_000));

      store.delete("inputs/abc.bin");
      store.delete("inputs/abc.bin"); // deleting twice is fine
      assertThat(store.exists("inputs/abc.bin")).isFalse();
      Path missing = tmp.resolve("missing.bin");
      assertThatThrownBy(() -> store.get("inputs/abc.bin", missing)).isInstanceOf(NoSuchObjectException.class)
          .hasMessageContaining("inputs/abc.bin is not in the object store");
      assertThat(missing).doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void keysCannotLeaveTheStore(ObjectStore store) {
    try (store) {
      for (String bad : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", "a/", ""}) {
        assertThatThrownBy(() -> store.stat(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void presignedUrlServesTheBytesToAnyHttpClient(@TempDir Path tmp) throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    try (S3ObjectStore store = s3.store(s3.newBucket(), "p/")) {
      byte[] content = bytes(50_000, 2);
      store.put("outputs/film.mp4", Files.write(tmp.resolve("f"), content));
      var url = store.presignedGet("outputs/film.mp4", Duration.ofMinutes(5), "film.mp4").orElseThrow();
      assertThat(url.toString()).startsWith(s3.endpoint.toString()).contains("X-Amz-Signature=");

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(content);
      assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"film.mp4\"");

      // The signature covers the key: another key with the same query is refused.
      var forged = java.net.URI.create(url.toString().replace("film.mp4?", "other.mp4?"));
      assertThat(http.send(HttpRequest.newBuilder(forged).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void aFolderStoreHasNoPresignedUrls(@TempDir Path tmp) throws Exception {
    try (FolderObjectStore store = new FolderObjectStore(tmp)) {
      assertThat(store.presignedGet("outputs/x.mp4", Duration.ofMinutes(1), "x.mp4")).isEmpty();
    }
  }

  @Test
  void wrongCredentialsFailClearly(@TempDir Path tmp) throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    String bucket = s3.newBucket();
    try (S3ObjectStore store = new S3ObjectStore(new S3ObjectStore.Settings(bucket, "", Optional.of(s3.endpoint), "us-east-1", true,
        S3TestServer.ACCESS_KEY, "wrong-secret"))) {
      Path f = Files.write(tmp.resolve("f"), new byte[] {1});
      assertThatThrownBy(() -> store.put("inputs/f", f)).isInstanceOf(IOException.class)
          .hasMessageContaining("cannot store inputs/f in s3://" + bucket).hasMessageNotContaining("wrong-secret");
    }
  }
}
