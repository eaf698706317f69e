package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.gpu.EglContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /info} tells the truth about the GPU: {@code useGpu} only when EGL opens a hardware renderer. */
class InfoTest {
  @Test
  void useGpuFollowsTheRendererThisHostReallyOpens() throws Exception {
    JsonNode runtime = Http.json(TestServer.shared().http.get("/info")).get("runtime");
    Optional<String> renderer = EglContext.probeRenderer(); // the same probe, from the test's own JVM
    boolean gpu = renderer.isPresent() && !EglContext.isSoftware(renderer.get());
    assertThat(runtime.get("useGpu").asBoolean()).as(runtime.toString()).isEqualTo(gpu);
    if (renderer.isPresent()) assertThat(runtime.get("gpuRenderer").asString()).isEqualTo(renderer.get());
    else assertThat(runtime.get("gpuRenderer").isNull()).isTrue();
  }

  @Test
  void gpuOffIsNeverAGpu() throws Exception {
    TestServer off = TestServer.start(List.of("--smelter.worker.gpu=off", "--slots", "1"));
    try {
      JsonNode runtime = Http.json(off.http.get("/info")).get("runtime");
      assertThat(runtime.get("useGpu").asBoolean()).isFalse();
      assertThat(runtime.get("gpuRenderer").isNull()).isTrue();
    } finally {
      off.context.close();
    }
  }
}
