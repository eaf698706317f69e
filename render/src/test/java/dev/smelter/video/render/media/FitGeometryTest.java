package dev.smelter.video.render.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.render.media.VideoFrameReader.Fit;
import org.junit.jupiter.api.Test;

class FitGeometryTest {
  @Test
  void insideKeepsAspectWithinTheBox() {
    assertThat(FitGeometry.of(1920, 1080, 1080, 1920, Fit.INSIDE)).isEqualTo(new FitGeometry(1080, 608, 1080, 608));
    assertThat(FitGeometry.of(64, 112, 100, 100, Fit.INSIDE)).isEqualTo(new FitGeometry(57, 100, 57, 100));
    assertThat(FitGeometry.of(64, 112, 32, 56, Fit.INSIDE).crops()).isFalse();
  }

  @Test
  void coverFillsTheBoxAndCropsTheOverhang() {
    FitGeometry cover = FitGeometry.of(1920, 1080, 1080, 1920, Fit.COVER);
    assertThat(cover).isEqualTo(new FitGeometry(3413, 1920, 1080, 1920));
    assertThat(cover.crops()).isTrue();
    assertThat(FitGeometry.of(64, 112, 100, 100, Fit.COVER)).isEqualTo(new FitGeometry(100, 175, 100, 100));
    assertThat(FitGeometry.of(64, 112, 32, 56, Fit.COVER).crops()).isFalse();
  }

  @Test
  void stretchIgnoresAspect() {
    assertThat(FitGeometry.of(1920, 1080, 1080, 1920, Fit.STRETCH)).isEqualTo(new FitGeometry(1080, 1920, 1080, 1920));
  }

  @Test
  void neverRoundsToNothing() {
    assertThat(FitGeometry.of(10_000, 10, 100, 100, Fit.INSIDE)).isEqualTo(new FitGeometry(100, 1, 100, 1));
    assertThatThrownBy(() -> FitGeometry.of(0, 10, 100, 100, Fit.INSIDE)).isInstanceOf(IllegalArgumentException.class);
  }
}
