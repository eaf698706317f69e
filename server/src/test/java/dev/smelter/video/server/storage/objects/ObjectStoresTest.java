package dev.smelter.video.server.storage.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.server.ServiceProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smelter.storage.url} and the separate settings. */
class ObjectStoresTest {
  static ServiceProperties.ObjectStorage config(String url, String endpoint, boolean pathStyle) {
    return new ServiceProperties.ObjectStorage(url, endpoint, "eu-west-3", pathStyle, "AKIA", "very-secret",
        ServiceProperties.ObjectStorage.Download.PROXY, Duration.ofHours(1), false, false, "", null);
  }

  @Test
  void s3UrlsCarryBucketPrefixAndOptions() {
    S3ObjectStore.Settings s = ObjectStores.s3("s3://renders/team-a/prod/?endpoint=http://127.0.0.1:9000&pathStyle=true&region=us-east-2",
        config("", "", false));
    assertThat(s).isEqualTo(new S3ObjectStore.Settings("renders", "team-a/prod/", Optional.of(URI.create("http://127.0.0.1:9000")), "us-east-2",
        true, "AKIA", "very-secret"));

    // The separate settings fill what the URL leaves out.
    S3ObjectStore.Settings plain = ObjectStores.s3("s3://renders", config("", "https://minio.internal", true));
    assertThat(plain).isEqualTo(new S3ObjectStore.Settings("renders", "", Optional.of(URI.create("https://minio.internal")), "eu-west-3",
        true, "AKIA", "very-secret"));
    assertThat(ObjectStores.s3("s3://renders", config("", "", false)).endpoint()).isEmpty();
  }

  @Test
  void credentialsNeverShowInTextAndAreRefusedInTheUrl() {
    assertThat(config("s3://b", "", false).toString()).doesNotContain("very-secret").doesNotContain("AKIA").contains("secretKey=***");
    assertThat(ObjectStores.s3("s3://b", config("", "", false)).toString()).doesNotContain("very-secret");
    assertThatThrownBy(() -> ObjectStores.s3("s3://b?secretKey=x", config("", "", false))).hasMessageContaining("not in the URL");
    assertThatThrownBy(() -> ObjectStores.s3("s3://?endpoint=x", config("", "", false))).hasMessageContaining("no bucket");
  }

  @Test
  void foldersAndUnknownSchemes(@TempDir Path tmp) throws Exception {
    assertThat(ObjectStores.open(config("", "", false))).isEmpty();
    try (ObjectStore folder = ObjectStores.open(config(tmp.resolve("shared").toString(), "", false)).orElseThrow()) {
      assertThat(folder).isInstanceOf(FolderObjectStore.class);
    }
    try (ObjectStore folder = ObjectStores.open(config(tmp.resolve("nfs").toUri().toString(), "", false)).orElseThrow()) {
      assertThat(folder.describe()).endsWith("nfs");
    }
    assertThatThrownBy(() -> ObjectStores.open(config("gs://bucket", "", false))).hasMessageContaining("only s3://bucket");
  }
}
