package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderProbeTest {
  @Test
  void triesHardwareFirstAndAlwaysFindsLibx264() {
    List<EncoderProbe.Result> results = EncoderProbe.results();

    assertThat(results).extracting(EncoderProbe.Result::name)
        .containsExactly("h264_nvenc", "h264_qsv", "h264_vaapi", "h264_vulkan", "libx264");
    assertThat(results.getLast().available()).isTrue();
    assertThat(results).filteredOn(r -> !r.available()).allSatisfy(r -> assertThat(r.reason()).isNotBlank().isNotEqualTo("ok"));
    assertThat(EncoderProbe.results()).as("cached").isSameAs(results);
    EncoderProbe.Result preferred = results.stream().filter(EncoderProbe.Result::available).findFirst().orElseThrow();
    assertThat(EncoderProbe.preferred().ffmpegName()).isEqualTo(preferred.name());
  }

  @Test
  void nvencFailsWithTheDriversOwnReasonWhereThereIsNoNvidiaDriver() {
    EncoderProbe.Result nvenc = EncoderProbe.results().getFirst();
    // On a machine with NVENC this is available; elsewhere the reason is FFmpeg's own log line.
    if (!nvenc.available()) assertThat(nvenc.reason()).contains("h264_nvenc");
  }
}
