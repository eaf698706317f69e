package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H264EncoderTest {
  private static EncodeSettings settings(String preset, double crf, Optional<String> bitrate) {
    return new EncodeSettings(Optional.empty(), preset, crf, bitrate, "yuv420p", "high", "128k", true);
  }

  @Test
  void x264TakesPresetAndCrfAsGiven() {
    assertThat(H264Encoder.X264.options(settings("veryfast", 18.5, Optional.empty())))
        .containsExactly(entry("preset", "veryfast"), entry("crf", "18.5"), entry("x264-params", "sliced-threads=1:b-pyramid=none"), entry("profile", "high"));
    assertThat(H264Encoder.X264.options(settings("medium", 18, Optional.of("5M"))))
        .containsExactly(entry("preset", "medium"), entry("b", "5M"), entry("x264-params", "sliced-threads=1:b-pyramid=none"), entry("profile", "high"));
    assertThat(H264Encoder.X264.softwarePixelFormat(settings("medium", 18, Optional.empty()))).isEqualTo("yuv420p");
  }

  @Test
  void nvencMapsCrfToConstantQualityAndPresetsToP1ToP7() {
    assertThat(H264Encoder.NVENC.options(settings("medium", 18.4, Optional.empty())))
        .containsEntry("preset", "p5").containsEntry("rc", "vbr").containsEntry("cq", "18").containsEntry("b", "0");
    assertThat(H264Encoder.NVENC.options(settings("ultrafast", 23, Optional.of("8M"))))
        .containsEntry("preset", "p1").containsEntry("b", "8M").doesNotContainKey("cq");
    assertThat(H264Encoder.nvencPreset("veryslow")).isEqualTo("p7");
    assertThat(H264Encoder.nvencPreset("p3")).isEqualTo("p3");
  }

  @Test
  void qsvVaapiAndVulkanUseQpLikeQualityAndNv12() {
    assertThat(H264Encoder.QSV.options(settings("superfast", 20, Optional.empty())))
        .containsEntry("preset", "veryfast").containsEntry("global_quality", "20");
    assertThat(H264Encoder.VAAPI.options(settings("slow", 21, Optional.empty())))
        .containsEntry("rc_mode", "CQP").containsEntry("qp", "21").doesNotContainKey("preset");
    assertThat(H264Encoder.VULKAN.options(settings("slow", 21, Optional.of("3M"))))
        .containsEntry("rc_mode", "vbr").containsEntry("b", "3M");
    for (H264Encoder hardware : new H264Encoder[] {H264Encoder.QSV, H264Encoder.VAAPI, H264Encoder.VULKAN}) {
      assertThat(hardware.softwarePixelFormat(settings("medium", 18, Optional.empty()))).isEqualTo("nv12");
    }
  }

  @Test
  void namesResolveCaseInsensitivelyAndUnknownOnesAreRejected() {
    assertThat(H264Encoder.byName("H264_NVENC")).contains(H264Encoder.NVENC);
    assertThat(H264Encoder.byName("libx265")).isEmpty();
    assertThatThrownBy(() -> H264Encoder.require("libx265")).hasMessageContaining("supported: h264_nvenc");
  }

  @Test
  void theSpecModuleValidatesCodecNamesAgainstExactlyTheseEncoders() {
    // spec cannot depend on render, so it keeps its own list; it must not drift from this enum
    assertThat(java.util.Arrays.stream(H264Encoder.values()).map(H264Encoder::ffmpegName).toList())
        .isEqualTo(dev.smelter.video.spec.EncodeSettingsResolver.H264_ENCODERS);
  }
}
