package dev.smelter.video.render.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodeOnlyLimitTest {
  @TempDir Path dir;

  @Test
  void framesArePlayedBackAndForthWithoutAJump() {
    assertThat(IntStream.range(0, 10).map(f -> EncodeOnlyLimit.pingPong(f, 4)).toArray()).containsExactly(0, 1, 2, 3, 2, 1, 0, 1, 2, 3);
    assertThat(EncodeOnlyLimit.pingPong(7, 1)).isZero();
  }

  @Test
  void encodesThePlansFullLengthAndLeavesNoFile() throws Exception {
    RenderPlan plan = new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(1), new FfmpegProbe())
        .plan("{width: 64, height: 112, fps: 10, clips: [{duration: 3, layers: [{type: 'linear-gradient'}]}]}");
    EncodeOnlyLimit.Result r = EncodeOnlyLimit.measure(plan, 8, dir);
    assertThat(r.frames()).isEqualTo(30);
    assertThat(r.encoder()).isEqualTo("libx264");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
