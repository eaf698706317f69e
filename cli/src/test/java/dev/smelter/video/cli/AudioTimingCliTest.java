package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI reports narration that Editly's retiming silences in {@code --json} warnings; {@code --audio-timing pad} keeps it. */
class AudioTimingCliTest {
  @TempDir Path dir;

  private static JsonNode render(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void silencedNarrationIsAWarningAndPadKeepsIt() throws Exception {
    Tone.wav(dir.resolve("short.wav"), 0.3); // 0.3 s in a 1 s clip: atempo 0.3, below Editly's 0.5
    Path spec = Files.writeString(dir.resolve("spec.json"), """
        {"width":64,"height":112,"fps":10,"keepSourceAudio":true,"clips":[{"duration":1,"layers":[
         {"type":"fill-color","color":"navy"},{"type":"audio","path":"short.wav"}]}]}""");
    JsonNode stretch = render("render", spec.toString(), "--paths", "spec", "--out", dir.resolve("a.mp4").toString(), "--json");
    assertThat(stretch.get("warnings")).singleElement().asString()
        .contains("clips[0].layers[1]", "0.300×", "outside 0.5–100×", "--audio-timing pad");
    JsonNode pad = render("render", spec.toString(), "--paths", "spec", "--out", dir.resolve("b.mp4").toString(), "--json",
        "--audio-timing", "pad");
    assertThat(pad.get("warnings")).isEmpty();
    assertThat(pad.get("audioDuration").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
  }
}
