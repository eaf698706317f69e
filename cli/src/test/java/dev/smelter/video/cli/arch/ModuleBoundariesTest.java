package dev.smelter.video.cli.arch;

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
 * The CLI and the server reach render only through its front door, {@code dev.smelter.video.render}
 * itself ({@code RenderEngine}, {@code Capabilities}, result and progress types): docs/architecture.md,
 * "Module boundaries". The rules live here, in the top module, whose class path holds every module.
 *
 * <p>Besides the front door, both may use {@code render.fetch} (media downloads with the SSRF rules).
 * Exceptions, each narrow: {@code compare} uses {@code render.quality}; the benchmark
 * ({@code cli.bench}) measures render's parts through {@code render.bench} and draws its fixtures and
 * charts with Skija; {@code server.media} reads media details with FFmpeg and so routes FFmpeg's log
 * through {@code render.ffmpeg}. Tests may use more (decoding an output to check it), so only main
 * classes are held to the rules.
 */
class ModuleBoundariesTest {
  static final String INTERNALS = "dev.smelter.video.render.(*)..";
  static final String QUALITY = "dev.smelter.video.render.quality..";
  /** The network-safe media fetcher: a public service of render's, used by the CLI and the service alike. */
  static final String FETCH = "dev.smelter.video.render.fetch..";
  static final String[] NATIVE = {"io.github.humbleui..", "org.lwjgl..", "org.bytedeco.."};
  static final String CLI = "dev.smelter.video.cli..";
  static final String BENCH = "dev.smelter.video.cli.bench..";
  static final String SERVER = "dev.smelter.video.server..";
  static final String MEDIA = "dev.smelter.video.server.media..";

  static final ArchRule CLI_FRONT_DOOR = noClasses().that().resideInAPackage(CLI).and().resideOutsideOfPackage(BENCH)
      .should().dependOnClassesThat(resideInAPackage(INTERNALS).and(not(resideInAnyPackage(QUALITY, FETCH))))
      .because("render's internals are reached only through RenderEngine and Capabilities");

  static final ArchRule BENCH_THROUGH_RENDER_BENCH = noClasses().that().resideInAPackage(BENCH)
      .should().dependOnClassesThat(resideInAPackage(INTERNALS).and(not(resideInAnyPackage(QUALITY, "dev.smelter.video.render.bench.."))))
      .because("the benchmark's measurements of render's parts live in render.bench");

  static final ArchRule SERVER_FRONT_DOOR = noClasses().that().resideInAPackage(SERVER)
      .should().dependOnClassesThat(resideInAPackage(INTERNALS).and(not(resideInAnyPackage("dev.smelter.video.render.ffmpeg..", FETCH))))
      .because("render's internals are reached only through RenderEngine and Capabilities");

  static final ArchRule FFMPEG_LOG_ONLY_FOR_MEDIA = noClasses().that().resideInAPackage(SERVER).and().resideOutsideOfPackage(MEDIA)
      .should().dependOnClassesThat(resideInAPackage("dev.smelter.video.render.ffmpeg.."))
      .because("only server.media calls FFmpeg itself");

  static final ArchRule NO_NATIVE_LIBRARIES = noClasses()
      .that().resideInAnyPackage(CLI, SERVER).and().resideOutsideOfPackages(BENCH, MEDIA)
      .should().dependOnClassesThat(resideInAnyPackage(NATIVE))
      .because("commands and the service draw, encode and open GL only through render (the service only in worker processes)");

  static final ArchRule[] ALL = {CLI_FRONT_DOOR, BENCH_THROUGH_RENDER_BENCH, SERVER_FRONT_DOOR, FFMPEG_LOG_ONLY_FOR_MEDIA, NO_NATIVE_LIBRARIES};

  @Test
  void cliAndServerUseOnlyRendersFrontDoor() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.smelter.video.cli", "dev.smelter.video.server");
    for (String name : new String[] {"dev.smelter.video.cli.RenderCommand", "dev.smelter.video.cli.bench.EncodeOnlyCommand",
        "dev.smelter.video.server.worker.WorkerMain", "dev.smelter.video.server.media.MediaDetailsReader"}) {
      assertThat(classes.contain(name)).as("%s was imported", name).isTrue();
    }
    for (ArchRule rule : ALL) rule.check(classes);
  }

  @Test
  void theRulesCatchAClassThatReachesIn() {
    JavaClasses bad = new ClassFileImporter().importClasses(ReachesIntoRender.class);
    assertThat(CLI_FRONT_DOOR.evaluate(bad).hasViolation()).isTrue();
    assertThat(NO_NATIVE_LIBRARIES.evaluate(bad).hasViolation()).isTrue();
  }

  /** What the rules refuse: GL probed by hand instead of through Capabilities, Skia used by a command. */
  static final class ReachesIntoRender {
    boolean software(String renderer) {
      return dev.smelter.video.render.gpu.EglContext.isSoftware(renderer);
    }

    int skia() {
      return io.github.humbleui.skija.Color.makeRGB(1, 2, 3);
    }
  }
}
