package dev.smelter.video.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smelter.video.server.job.JobEvents;
import dev.smelter.video.server.job.JobRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet's Redis URL with credentials and TLS, against a second {@code redis-server} this test
 * starts on a free loopback port ({@code --requirepass} and an ACL user; a TLS port with a
 * certificate made here). Skipped where {@code redis-server} (or, for TLS, {@code openssl}) is not
 * on the PATH.
 */
class RedisAuthTest {
  private static final String PASSWORD = "s3cret";
  private static final List<String> AUTH = List.of("--requirepass", PASSWORD, "--user", "alice", "on", ">alice-pw", "~*", "&*", "+@all");

  @BeforeAll
  static void needsRedisServer() {
    assumeTrue(LoopbackRedis.onPath("redis-server"), "redis-server is not on the PATH");
  }

  /** A queue on that URL submits a job and claims it back: every command it uses passed the server's auth. */
  private static void queueWorks(String url, Optional<Path> caCert, String expectedUser) {
    try (FleetRedis redis = new FleetRedis(url, caCert, "auth-test:", "node");
        RedisJobQueue queue = new RedisJobQueue(redis, JsonMapper.builder().build(), new JobEvents(), Clock.systemUTC(),
            new RedisJobQueue.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(1)))) {
      assertThat(redis.commands().aclWhoami()).isEqualTo(expectedUser);
      JobRequest r = new JobRequest(JsonMapper.builder().build().readTree("{\"width\":64,\"height\":112,\"clips\":[]}"), "x.mp4",
          Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());
      String id = queue.submit(r).job().id();
      assertThat(queue.claim(Duration.ofSeconds(5)).orElseThrow().id()).isEqualTo(id);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPasswordOrAnAclUserInTheUrlConnects() throws Exception {
    try (LoopbackRedis server = LoopbackRedis.start(false, AUTH)) {
      queueWorks("redis://:" + PASSWORD + "@127.0.0.1:" + server.port, Optional.empty(), "default");
      queueWorks("redis://alice:alice-pw@127.0.0.1:" + server.port + "/1", Optional.empty(), "alice");
    }
  }

  @Test
  void aWrongPasswordFailsAtOnceWithRedisReasonAndThePasswordMasked() throws Exception {
    try (LoopbackRedis server = LoopbackRedis.start(false, AUTH)) {
      assertThatThrownBy(() -> new FleetRedis("redis://alice:not-it@127.0.0.1:" + server.port, "auth-test:", "node"))
          .isInstanceOf(FleetRedis.Unreachable.class)
          .hasMessage("cannot connect to the fleet's Redis at redis://alice:***@127.0.0.1:" + server.port
              + ": WRONGPASS invalid username-password pair or user is disabled.");
      assertThatThrownBy(() -> new FleetRedis("redis://:not-it@127.0.0.1:" + server.port, "auth-test:", "node"))
          .isInstanceOf(FleetRedis.Unreachable.class)
          .hasMessageStartingWith("cannot connect to the fleet's Redis at redis://:***@127.0.0.1:" + server.port + ": WRONGPASS")
          .hasMessageNotContaining("not-it");
    }
    // Nothing listens there any more.
    int gone;
    try (LoopbackRedis server = LoopbackRedis.start(false, List.of())) {
      gone = server.port;
    }
    assertThatThrownBy(() -> new FleetRedis("redis://127.0.0.1:" + gone, "auth-test:", "node"))
        .isInstanceOf(FleetRedis.Unreachable.class)
        .hasMessageContaining("redis://127.0.0.1:" + gone + ": ")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void aRedissUrlChecksTheServersCertificateAgainstTheConfiguredCa() throws Exception {
    assumeTrue(LoopbackRedis.onPath("openssl"), "openssl is not on the PATH");
    Path dir = Files.createTempDirectory("smelter-redis-tls");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(openssl.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();

    List<String> tls = List.of("--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", cert.toString(),
        "--tls-auth-clients", "no", "--requirepass", PASSWORD);
    try (LoopbackRedis server = LoopbackRedis.start(true, tls)) {
      String url = "rediss://:" + PASSWORD + "@127.0.0.1:" + server.port;
      queueWorks(url, Optional.of(cert), "default");
      // The JVM's trust store does not know this self-signed certificate.
      assertThatThrownBy(() -> new FleetRedis(url, "auth-test:", "node"))
          .isInstanceOf(FleetRedis.Unreachable.class)
          .hasMessageStartingWith("cannot connect to the fleet's Redis at rediss://:***@127.0.0.1:" + server.port + ": ")
          .hasMessageContaining("certification path");
      // Plain TCP to a TLS port is not mistaken for a connection.
      assertThatThrownBy(() -> new FleetRedis("redis://:" + PASSWORD + "@127.0.0.1:" + server.port, "auth-test:", "node"))
          .isInstanceOf(FleetRedis.Unreachable.class);
    }
  }
}
