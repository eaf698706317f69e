package dev.smelter.video.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Problem;
import dev.smelter.video.spec.SpecException;
import dev.smelter.video.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door: planning refuses what cannot be rendered with JSON paths; a checked plan renders. */
class RenderEngineTest {
  @TempDir Path dir;

  private final RenderEngine engine = new RenderEngine();

  private String spec(String outputArgs) {
    return """
        {outPath: '%s', width: 32, height: 32, fps: 10, customOutputArgs: [%s],
         clips: [{duration: 0.5, layers: [{type: 'fill-color', color: '#ff0000'}]}]}"""
        .formatted(dir.resolve("out.mp4").toString().replace("\\", "/"), outputArgs);
  }

  @Test
  void refusesBadOutputOptionsWithTheirPath() {
    SpecException e = catchThrowableOfType(SpecException.class,
        () -> engine.plan(spec("'-g', 'abc'"), PlanOptions.defaults().withSeed(1)));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly("customOutputArgs[1]: -g does not take \"abc\" (Invalid argument)");
  }

  @Test
  void refusesSpecProblemsWithTheirPath() {
    SpecException e = catchThrowableOfType(SpecException.class, () -> engine.plan(
        "{clips: [{duration: 1, layers: [{type: 'image', path: '" + dir.resolve("missing.png") + "'}]}]}", PlanOptions.defaults()));
    assertThat(e.problems()).extracting(Problem::path).containsExactly("clips[0].layers[0].path");
  }

  @Test
  void theCheckedPlanCarriesTheOptionsWarnings() throws SpecException {
    RenderPlan plan = engine.plan(spec("'-zerolatency', '1'"), PlanOptions.defaults().withSeed(1));
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).startsWith("customOutputArgs[0]: -zerolatency is ignored: not an option of libx264"));
  }

  @Test
  void aForcedEncoderIsPlanned() throws SpecException {
    RenderPlan plan = engine.plan(SpecReader.parse(spec("")), PlanOptions.defaults().withSeed(1), Optional.of("libx264"));
    assertThat(plan.output().encode().encoder()).contains("libx264");
    assertThat(engine.plan(spec(""), PlanOptions.defaults().withSeed(1)).output().encode().encoder()).isEmpty();
  }

  @Test
  void rendersTheCheckedPlan() throws Exception {
    RenderPlan plan = engine.plan(spec(""), PlanOptions.defaults().withSeed(1));
    RenderResult result = engine.render(plan, new Renderer.Options(GpuMode.OFF, 1, RenderProgress.Listener.NONE));
    assertThat(result.frames()).isEqualTo(5);
    assertThat(result.width()).isEqualTo(32);
    assertThat(Files.size(result.output())).isPositive();
  }

  @Test
  void capabilitiesSayWhatTheProbeFound() {
    var here = new Capabilities(Optional.of("llvmpipe (LLVM 19.1.7, 256 bits)"),
        List.of(new Capabilities.Encoder("h264_nvenc", false, "Cannot load libcuda.so.1"), new Capabilities.Encoder("libx264", true, "ok")));
    assertThat(here.gl()).isTrue();
    assertThat(here.gpu()).as("llvmpipe is software").isFalse();
    assertThat(here.availableEncoders()).containsExactly("libx264");
    assertThat(new Capabilities(Optional.of("NVIDIA H100 80GB HBM3/PCIe/SSE2"), List.of()).gpu()).isTrue();
    assertThat(new Capabilities(Optional.empty(), List.of()).gl()).isFalse();
  }

  @Test
  void knownEncodersAreNamedAsFfmpegNamesThem() {
    assertThat(Capabilities.h264Encoder(" H264_NVENC ")).contains("h264_nvenc");
    assertThat(Capabilities.h264Encoder("libx265")).isEmpty();
  }
}
