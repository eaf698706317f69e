package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The serve options become Spring properties; everything else passes through. */
class ServerArgumentsTest {
  @Test
  void shortOptionsMapToProperties() {
    assertThat(ServerApplication.springArguments("--port", "8080", "--data-dir=/srv/data", "--slots", "4", "--host", "0.0.0.0",
        "--external-url", "https://r.example", "--storage", "s3://renders?endpoint=http://127.0.0.1:9000", "--config", "svc.yaml",
        "--smelter.worker.max-attempts=5"))
        .containsExactly("--server.port=8080", "--smelter.data-dir=/srv/data", "--smelter.slots=4", "--server.address=0.0.0.0",
            "--smelter.external-url=https://r.example", "--smelter.storage.url=s3://renders?endpoint=http://127.0.0.1:9000", "--spring.config.additional-location=file:svc.yaml",
            "--smelter.worker.max-attempts=5");
  }

  @Test
  void fleetOptionsMapToProperties() {
    assertThat(ServerApplication.springArguments("--redis", "rediss://:pw@redis.example:6380/2", "--gpu=off"))
        .containsExactly("--smelter.redis.url=rediss://:pw@redis.example:6380/2", "--smelter.worker.gpu=off");
  }
}
