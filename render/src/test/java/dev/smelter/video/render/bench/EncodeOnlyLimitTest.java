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
  void framesComeFromRunsSpreadOverThePlanEachPlayedForItsShare() {
    // 800 frames, 4 regions of 3 composed frames: runs start at plan frames 0, 200, 400, 600
    assertThat(IntStream.range(0, 4).map(r -> EncodeOnlyLimit.sourceFrame(r, 1, 4, 3, 800)).toArray()).containsExactly(1, 201, 401, 601);
    assertThat(IntStream.range(0, 6).map(f -> EncodeOnlyLimit.composedIndex(f, 4, 3, 800)).toArray()).containsExactly(0, 1, 2, 1, 0, 1);
    assertThat(IntStream.range(199, 204).map(f -> EncodeOnlyLimit.composedIndex(f, 4, 3, 800)).toArray()).containsExactly(1, 3, 4, 5, 4);
    assertThat(EncodeOnlyLimit.composedIndex(799, 4, 3, 800)).isBetween(9, 11);
    // uneven split: every output frame maps into its own region's run
    for (int f = 0; f < 1001; f++) {
      int region = f * 7 / 1001;
      assertThat(EncodeOnlyLimit.composedIndex(f, 7, 5, 1001) / 5).isEqualTo(region);
    }
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
