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
 * The CLI reaches render only through its front door (docs/architecture.md, "Module boundaries"):
 * {@code dev.smelter.video.render} ({@code RenderEngine}, {@code Capabilities}, result and progress
 * types) and {@code render.quality} for {@code compare}. The benchmark ({@code cli.bench}) measures
 * render's parts, so it may also use {@code render.bench} and draw its fixtures and charts with Skija.
 * Tests may use more, so only main classes are held to it.
 */
class ModuleBoundariesTest {
  static final String BENCH = "dev.smelter.video.cli.bench..";

  static final ArchRule FRONT_DOOR_ONLY = noClasses()
      .that().resideInAPackage("dev.smelter.video.cli..").and().resideOutsideOfPackage(BENCH)
      .should().dependOnClassesThat(resideInAPackage("dev.smelter.video.render.(*)..")
          .and(not(resideInAPackage("dev.smelter.video.render.quality.."))))
      .because("render's internals are reached only through RenderEngine and Capabilities");

  static final ArchRule BENCH_MEASURES_THROUGH_RENDER_BENCH = noClasses()
      .that().resideInAPackage(BENCH)
      .should().dependOnClassesThat(resideInAPackage("dev.smelter.video.render.(*)..")
          .and(not(resideInAnyPackage("dev.smelter.video.render.quality..", "dev.smelter.video.render.bench.."))))
      .because("the benchmark's measurements of render's parts live in render.bench");

  static final ArchRule NO_NATIVE_LIBRARIES = noClasses()
      .that().resideInAPackage("dev.smelter.video.cli..").and().resideOutsideOfPackage(BENCH)
      .should().dependOnClassesThat(resideInAnyPackage("io.github.humbleui..", "org.lwjgl..", "org.bytedeco.."))
      .because("commands render, probe and compare through render's front door");

  private static JavaClasses main() {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.smelter.video.cli");
  }

  @Test
  void cliUsesOnlyRendersFrontDoor() {
    JavaClasses classes = main();
    assertThat(classes.contain("dev.smelter.video.cli.RenderCommand")).as("the CLI's main classes were imported").isTrue();
    assertThat(classes.contain("dev.smelter.video.cli.bench.EncodeOnlyCommand")).as("the benchmark's classes were imported").isTrue();
    FRONT_DOOR_ONLY.check(classes);
    BENCH_MEASURES_THROUGH_RENDER_BENCH.check(classes);
    NO_NATIVE_LIBRARIES.check(classes);
  }

  @Test
  void theRulesCatchAClassThatReachesIn() {
    JavaClasses bad = new ClassFileImporter().importClasses(ReachesIntoRender.class);
    assertThat(FRONT_DOOR_ONLY.evaluate(bad).hasViolation()).isTrue();
    assertThat(NO_NATIVE_LIBRARIES.evaluate(bad).hasViolation()).isTrue();
  }

  /** What the rules refuse: GL probed by hand instead of through Capabilities. */
  static final class ReachesIntoRender {
    boolean software(String renderer) {
      return dev.smelter.video.render.gpu.EglContext.isSoftware(renderer);
    }

    long skia() {
      return io.github.humbleui.skija.Color.makeRGB(1, 2, 3);
    }
  }
}
