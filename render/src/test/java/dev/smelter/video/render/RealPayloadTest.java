package dev.smelter.video.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import dev.smelter.video.spec.SpecReader;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.Rect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real n8n "carte digitală" body (W1, 2025-09-18, verbatim in test resources): its editSpec is
 * rendered with generated stand-ins for the private media (pictures, and narrations lasting each
 * clip's duration − 0.5 s, the production rule), at a small size but the real 30 fps timeline.
 */
class RealPayloadTest {
  @TempDir Path dir;

  @Test
  void pictureBookPayloadRendersWithEachNarrationFillingItsPage() throws Exception {
    String body = new String(getClass().getResourceAsStream("/payloads/w1-carte-digitala.json").readAllBytes(), StandardCharsets.UTF_8);
    JObject editSpec = (JObject) ((JObject) SpecReader.parse(body)).get("editSpec");
    JObject spec = withLocalMedia(editSpec);

    RenderPlan plan = new Planner(PlanOptions.defaults().withBaseDir(dir).withDefaultOutPath(dir.resolve("w1.mp4")).withSeed(1), new FfmpegProbe())
        .plan(spec); // the payload has no outPath (the server sets one)
    double[] durations = plan.clips().stream().mapToDouble(ClipPlan::duration).toArray();
    assertThat(durations).containsExactly(11.314688, 11.628125, 11.393063, 11.131813, 17.531813, 16.800375);
    int expectedFrames = 0;
    for (double d : durations) expectedFrames += (int) Math.round(d * 30);
    assertThat(plan.totalFrames()).isEqualTo(expectedFrames);
    assertThat(plan.output().encode().preset()).isEqualTo("medium"); // its customOutputArgs
    assertThat(plan.warnings()).anyMatch(w -> w.startsWith("outFormat: unknown key"));

    RenderResult result = Renderer.render(plan, Renderer.Options.defaults());
    assertThat(result.frames()).isEqualTo(expectedFrames);
    double total = java.util.Arrays.stream(durations).sum();
    assertThat(new FfmpegProbe().probe(result.output()).audio().orElseThrow().duration()).isCloseTo(total, within(0.03));
    // Editly stretches each narration (clip − 0.5 s long) to its clip: the voice runs up to every page end.
    List<Double> levels = TestMedia.levels(result.output(), total, 0.1);
    double pageEnd = 0;
    for (double d : durations) {
      pageEnd += d;
      assertThat(levels.get((int) Math.floor(pageEnd / 0.1) - 2)).as("voice just before the end of the page at %.2f s", pageEnd).isGreaterThan(-25);
    }
  }

  /** Same body, paths replaced by generated files, 1024×1536 → 64×96 (same aspect). */
  private JObject withLocalMedia(JObject editSpec) throws Exception {
    Map<String, JsonValue> top = new LinkedHashMap<>(editSpec.members());
    top.put("width", new JNumber(64));
    top.put("height", new JNumber(96));
    List<JsonValue> clips = ((JArray) editSpec.get("clips")).items();
    List<JsonValue> newClips = new java.util.ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      JObject clip = (JObject) clips.get(i);
      double duration = ((JNumber) clip.get("duration")).value();
      List<JsonValue> layers = new java.util.ArrayList<>();
      for (JsonValue l : ((JArray) clip.get("layers")).items()) {
        Map<String, JsonValue> layer = new LinkedHashMap<>(((JObject) l).members());
        String type = ((JString) layer.get("type")).value();
        int page = i;
        if (type.equals("image")) {
          Path png = TestMedia.png(dir.resolve("page" + i + ".png"), 32, 48, c -> {
            try (Paint p = new Paint().setColor(0xFF000000 | (page * 40) << 16 | 0x8080)) {
              c.drawRect(Rect.makeWH(32, 48), p);
            }
          });
          layer.put("path", new JString(png.getFileName().toString()));
        } else if (type.equals("audio")) {
          Path wav = TestMedia.tone(dir.resolve("voice" + i + ".wav"), duration - 0.5, 0.5);
          layer.put("path", new JString(wav.getFileName().toString()));
        }
        layers.add(new JObject(layer));
      }
      Map<String, JsonValue> c = new LinkedHashMap<>(clip.members());
      c.put("layers", new JArray(layers));
      newClips.add(new JObject(c));
    }
    top.put("clips", new JArray(newClips));
    return new JObject(top);
  }
}
