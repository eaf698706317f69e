package dev.smelter.video.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.server.fleet.WorkerRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /info}'s {@code useGpu} (a GPU only when frames are really composed on one) and {@code videoEncoder}. */
class GpuStatusTest {
  @Test
  void onlyAHardwareRendererCountsAsAGpu() {
    assertThat(GpuStatus.composesOnGpu("auto", Optional.of("NVIDIA H100 80GB HBM3/PCIe/SSE2"))).isTrue();
    assertThat(GpuStatus.composesOnGpu("on", Optional.of("NVIDIA H100 80GB HBM3/PCIe/SSE2"))).isTrue();
    assertThat(GpuStatus.composesOnGpu("auto", Optional.of("llvmpipe (LLVM 15.0.7, 256 bits)"))).isFalse();
    assertThat(GpuStatus.composesOnGpu("on", Optional.of("llvmpipe (LLVM 15.0.7, 256 bits)"))).isFalse();
    assertThat(GpuStatus.composesOnGpu("auto", Optional.empty())).isFalse();
    assertThat(GpuStatus.composesOnGpu("off", Optional.of("NVIDIA H100 80GB HBM3/PCIe/SSE2"))).isFalse();
    assertThat(GpuStatus.localRenderer("OFF")).isEmpty();
  }

  private static WorkerRegistry.WorkerInfo worker(String gpu, Boolean gl) {
    return new WorkerRegistry.WorkerInfo("w", "h", 1, 1, gpu, List.of("libx264"), gl, "v", Instant.EPOCH, Instant.EPOCH, List.of(), false, null);
  }

  @Test
  void fleetWorkersCountOnlyWhenTheyProbedAHardwareRenderer() {
    assertThat(GpuStatus.anyWorkerOnGpu(List.of(worker("auto (NVIDIA H100 80GB HBM3/PCIe/SSE2)", true)))).isTrue();
    assertThat(GpuStatus.anyWorkerOnGpu(List.of(worker("auto (software: llvmpipe (LLVM 15.0.7, 256 bits))", true)))).isFalse();
    assertThat(GpuStatus.anyWorkerOnGpu(List.of(worker("auto (no GL)", false)))).isFalse();
    assertThat(GpuStatus.anyWorkerOnGpu(List.of(worker("off", true)))).isFalse();
    assertThat(GpuStatus.anyWorkerOnGpu(List.of(worker("auto", null)))).isFalse();
    assertThat(GpuStatus.anyWorkerOnGpu(List.of(worker("off", true), worker("on (NVIDIA L4/PCIe/SSE2)", true)))).isTrue();
  }

  @Test
  void infoNamesTheEncoderTheServerArgumentsChoose() {
    assertThat(LegacyController.videoEncoder(List.of())).isEqualTo("libx264");
    assertThat(LegacyController.videoEncoder(List.of("-preset", "slow", "-c:v", "h264_nvenc", "-cq", "20"))).isEqualTo("h264_nvenc");
    assertThat(LegacyController.videoEncoder(List.of("-vcodec", "h264_vaapi", "-c:v", "libx264"))).isEqualTo("libx264");
    assertThat(LegacyController.videoEncoder(List.of("-c:v"))).isEqualTo("libx264");
  }
}
