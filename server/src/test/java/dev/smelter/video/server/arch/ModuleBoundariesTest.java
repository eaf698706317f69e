package dev.smelter.video.server.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The server reaches render only through its front door (docs/architecture.md, "Module boundaries"):
 * {@code dev.smelter.video.render} itself ({@code RenderEngine}, {@code Capabilities}, the result and
 * progress types). The one exception is {@code server.media}, which reads media details with FFmpeg
 * directly and so routes FFmpeg's log through {@code render.ffmpeg} like every other FFmpeg user.
 * Tests may use more (decoding an output to check it), so only main classes are held to it.
 */
class ModuleBoundariesTest {
  static final String RENDER_INTERNALS = "dev.smelter.video.render.(*)..";
  static final String MEDIA = "dev.smelter.video.server.media..";

  static final ArchRule FRONT_DOOR_ONLY = noClasses()
      .that().resideInAPackage("dev.smelter.video.server..").and().resideOutsideOfPackage(MEDIA)
      .should().dependOnClassesThat(resideInAPackage(RENDER_INTERNALS))
      .because("render's internals are reached only through RenderEngine and Capabilities");

  static final ArchRule MEDIA_ONLY_FFMPEG_LOG = noClasses()
      .that().resideInAPackage(MEDIA)
      .should().dependOnClassesThat(resideInAPackage(RENDER_INTERNALS).and(not(resideInAPackage("dev.smelter.video.render.ffmpeg.."))))
      .because("server.media shares only FFmpeg's log routing with render");

  static final ArchRule NO_NATIVE_LIBRARIES = noClasses()
      .that().resideInAPackage("dev.smelter.video.server..").and().resideOutsideOfPackage(MEDIA)
      .should().dependOnClassesThat(resideInAnyPackage("io.github.humbleui..", "org.lwjgl..", "org.bytedeco.."))
      .because("the service never draws, encodes or opens GL itself: its renders run in worker processes");

  private static JavaClasses main() {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.smelter.video.server");
  }

  @Test
  void serverUsesOnlyRendersFrontDoor() {
    JavaClasses classes = main();
    assertThat(classes.contain("dev.smelter.video.server.worker.WorkerMain")).as("the server's main classes were imported").isTrue();
    FRONT_DOOR_ONLY.check(classes);
    MEDIA_ONLY_FFMPEG_LOG.check(classes);
    NO_NATIVE_LIBRARIES.check(classes);
  }

  @Test
  void theRulesCatchAClassThatReachesIn() {
    JavaClasses bad = new ClassFileImporter().importClasses(ReachesIntoRender.class);
    assertThat(FRONT_DOOR_ONLY.evaluate(bad).hasViolation()).isTrue();
    assertThat(NO_NATIVE_LIBRARIES.evaluate(bad).hasViolation()).isTrue();
  }

  /** What the rules refuse: an encoder picked by hand, and FFmpeg called from a controller. */
  static final class ReachesIntoRender {
    String encoder() {
      return dev.smelter.video.render.encode.H264Encoder.X264.ffmpegName();
    }

    int level() {
      return org.bytedeco.ffmpeg.global.avutil.av_log_get_level();
    }
  }
}
