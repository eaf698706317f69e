package dev.smelter.video.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.RenderResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 20: the render child's {@code @result} line is the CLI's {@code --json} result, same field names. */
class WorkerProtocolTest {
  private final RenderResult rendered = new RenderResult(Path.of("/tmp/out put.mp4"), 12, 1.2, 1.25, 4096, 64, 112, "10", "libx264",
      "cpu (skia raster)", 7, 1500, List.of("narration \"x\" silenced", "second"));

  @Test
  void theResultLineCarriesTheRenderResultsOneJsonForm() {
    String line = WorkerProtocol.result(rendered);
    assertThat(line).startsWith("@result {").doesNotContain("\n");

    JsonNode o = JsonMapper.builder().build().readTree(line.substring("@result ".length()));
    List<String> names = new ArrayList<>(o.propertyNames());
    assertThat(names).containsExactlyElementsOf(rendered.jsonFields().keySet())
        .contains("sizeBytes", "wallMillis", "audioDuration").doesNotContain("size");
    assertThat(o.get("sizeBytes").asLong()).isEqualTo(4096);

    WorkerProtocol.ResultLine parsed = (WorkerProtocol.ResultLine) WorkerProtocol.parse(line).orElseThrow();
    assertThat(parsed).isEqualTo(new WorkerProtocol.ResultLine(12, 1.2, 4096, "libx264", 1500, rendered.warnings()));
  }
}
