package dev.smelter.video.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {
  @Test
  void doublesFromTheBaseAndStopsAtTheCap() {
    Duration base = Duration.ofSeconds(5), max = Duration.ofMinutes(1);
    assertThat(RenderDispatcher.retryDelay(base, max, 1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RenderDispatcher.retryDelay(base, max, 2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RenderDispatcher.retryDelay(base, max, 4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(RenderDispatcher.retryDelay(base, max, 5)).isEqualTo(max); // 80 s, capped
    assertThat(RenderDispatcher.retryDelay(base, max, 40)).isEqualTo(max);
    assertThat(RenderDispatcher.retryDelay(base, max, 1000)).isEqualTo(max); // no overflow
    assertThat(RenderDispatcher.retryDelay(Duration.ofMinutes(2), max, 1)).isEqualTo(max);
  }
}
