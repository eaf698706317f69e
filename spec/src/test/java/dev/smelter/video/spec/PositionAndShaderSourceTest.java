package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.Position.OriginX;
import dev.smelter.video.plan.Position.OriginY;
import dev.smelter.video.plan.VisualLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code position} objects (Editly 0.14.2's util.js getPositionProps) and where a {@code gl} layer's program comes from. */
class PositionAndShaderSourceTest {
  @TempDir Path dir;

  private List<VisualLayer> layers(String layers) throws SpecException {
    return new Planner(PlanOptions.defaults().withBaseDir(dir).withSeed(1), PlannerTimelineTest.NO_MEDIA)
        .plan("{width: 200, height: 100, fps: 10, defaults: {transition: null, duration: 1}, clips: [{layers: [" + layers + "]}]}")
        .clips().getFirst().layers();
  }

  private Position titlePosition(String position) throws SpecException {
    return ((VisualLayer.Title) layers("{type: 'title', text: 't', position: " + position + "}").getFirst()).position();
  }

  @Test
  void objectPositionsDefaultTheirOriginsToLeftTop() throws SpecException {
    assertThat(titlePosition("{x: 0.25, y: 0.75}")).isEqualTo(new Position(0.25, 0.75, OriginX.LEFT, OriginY.TOP));
    assertThat(titlePosition("{x: 1, y: 0, originX: 'right', originY: 'bottom'}"))
        .isEqualTo(new Position(1, 0, OriginX.RIGHT, OriginY.BOTTOM));
    assertThat(titlePosition("{x: 0.5, y: 0.5, originX: 'center', originY: 'center'}")).isEqualTo(Position.CENTER);
  }

  @Test
  void aMissingAxisKeepsTheCentreAndItsCentreOrigin() throws SpecException {
    // Editly sets originX/left only when x is given (originY/top only when y is), so the other axis
    // keeps the default centre with origin 'center', whatever origin the object names for it.
    assertThat(titlePosition("{x: 0.1}")).isEqualTo(new Position(0.1, 0.5, OriginX.LEFT, OriginY.CENTER));
    assertThat(titlePosition("{y: 0.9, originY: 'bottom'}")).isEqualTo(new Position(0.5, 0.9, OriginX.CENTER, OriginY.BOTTOM));
    assertThat(titlePosition("{y: 0.9, originX: 'right'}")).isEqualTo(new Position(0.5, 0.9, OriginX.CENTER, OriginY.TOP));
    assertThat(titlePosition("{}")).isEqualTo(Position.CENTER);
  }

  @Test
  void imageOverlayTakesObjectPositions() throws Exception {
    Path png = Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}); // the header planning checks
    VisualLayer.ImageOverlay overlay = (VisualLayer.ImageOverlay) layers(
        "{type: 'image-overlay', path: '" + png + "', position: {x: 0.95, originX: 'right'}}").getFirst();
    assertThat(overlay.position()).isEqualTo(new Position(0.95, 0.5, OriginX.RIGHT, OriginY.CENTER));
  }

  @Test
  void glReadsItsFragmentShaderFromFragmentPath() throws Exception {
    String glsl = "void main() { gl_FragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n";
    Path frag = Files.writeString(dir.resolve("red.frag"), glsl);
    VisualLayer.Shader shader = (VisualLayer.Shader) layers("{type: 'gl', fragmentPath: 'red.frag', speed: 2}").getFirst();
    assertThat(shader.fragmentSource()).isEqualTo(glsl);
    assertThat(shader.speed()).isEqualTo(2);
    // As in Editly's glFrameSource, the file replaces an inline source given alongside it.
    VisualLayer.Shader both = (VisualLayer.Shader) layers("{type: 'gl', fragmentPath: '" + frag + "', fragmentSrc: 'ignored'}").getFirst();
    assertThat(both.fragmentSource()).isEqualTo(glsl);
    // Inline only: accepted (Editly would still demand fragmentPath).
    VisualLayer.Shader inline = (VisualLayer.Shader) layers("{type: 'gl', fragmentSrc: 'void main() {}'}").getFirst();
    assertThat(inline.fragmentSource()).isEqualTo("void main() {}");
  }

  @Test
  void glWithAMissingFragmentFileIsRefusedWithItsPath() {
    SpecException e = catchThrowableOfType(SpecException.class, () -> layers("{type: 'gl', fragmentPath: 'shaders/nope.frag'}"));
    assertThat(e.problems()).extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("clips[0].layers[0].fragmentPath").contains("nope.frag"));
    SpecException none = catchThrowableOfType(SpecException.class, () -> layers("{type: 'gl'}"));
    assertThat(none.problems()).extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("clips[0].layers[0].fragmentPath").contains("required"));
  }
}
