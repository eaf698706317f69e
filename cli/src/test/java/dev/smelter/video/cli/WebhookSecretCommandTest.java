package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.webhook.WebhookSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code webhook-secret} prints the secret the service signs with, from the data folder or the fleet's Redis. */
class WebhookSecretCommandTest {
  @TempDir Path dir;

  private static String run(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    return r.out().strip();
  }

  @Test
  void printsTheDataFoldersSecretCreatingItOwnerOnly() throws Exception {
    Path data = dir.resolve("data");
    String first = run("webhook-secret", "--data-dir", data.toString());
    assertThat(first).matches("whsec_[A-Za-z0-9+/]{43}=");
    Path file = data.resolve(WebhookSecret.FILE);
    assertThat(Files.readString(file).strip()).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(run("webhook-secret", "--data-dir", data.toString())).isEqualTo(first);
    assertThat(WebhookSecret.inFolder(data)).as("what the service signs with").isEqualTo(first);
  }

  /** Against the real Redis on 127.0.0.1:6379: every node of a fleet gets the same secret. */
  @Test
  void printsTheFleetsSecretFromRedis() {
    String ns = "smelter-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    try (FleetRedis redis = new FleetRedis("redis://127.0.0.1:6379", ns, "test")) {
      try {
        String printed = run("webhook-secret", "--redis", "redis://127.0.0.1:6379", "--namespace", ns);
        assertThat(printed).startsWith("whsec_");
        assertThat(WebhookSecret.inRedis(redis)).isEqualTo(printed);
        assertThat(redis.commands().get(ns + "webhook-secret")).isEqualTo(printed);
      } finally {
        redis.commands().del(ns + "webhook-secret");
      }
    }
  }
}
