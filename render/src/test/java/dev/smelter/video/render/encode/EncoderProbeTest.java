package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
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
    EncoderProbe.Result nvenc = EncoderProbe.probe(H264Encoder.NVENC);
    // On a machine with NVENC this is available; elsewhere the reason is FFmpeg's own log line.
    if (!nvenc.available()) assertThat(nvenc.reason()).contains("h264_nvenc");
  }

  @Test
  void hardwareEncodersWithoutTheirDeviceNodeAreNotOpenedAtAll() {
    Predicate<String> none = path -> false;
    for (H264Encoder hw : List.of(H264Encoder.NVENC, H264Encoder.QSV, H264Encoder.VAAPI, H264Encoder.VULKAN)) {
      assertThat(EncoderProbe.missingDevice(hw, none)).as(hw.ffmpegName()).get().asString().contains("no GPU device");
    }
    assertThat(EncoderProbe.missingDevice(H264Encoder.X264, none)).isEmpty();

    Predicate<String> nvidiaOnly = "/dev/nvidiactl"::equals;
    assertThat(EncoderProbe.missingDevice(H264Encoder.NVENC, nvidiaOnly)).isEmpty();
    assertThat(EncoderProbe.missingDevice(H264Encoder.VULKAN, nvidiaOnly)).isEmpty();
    assertThat(EncoderProbe.missingDevice(H264Encoder.VAAPI, nvidiaOnly)).isPresent();

    Predicate<String> intel = "/dev/dri/renderD128"::equals;
    assertThat(EncoderProbe.missingDevice(H264Encoder.QSV, intel)).isEmpty();
    assertThat(EncoderProbe.missingDevice(H264Encoder.VAAPI, intel)).isEmpty();
    assertThat(EncoderProbe.missingDevice(H264Encoder.NVENC, intel)).isPresent();
  }
}
