package dev.smelter.video.cli;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.GpuMode;
import dev.smelter.video.render.Renderer;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;

/**
 * Test-only: renders a 5 s spec to {@code args[0]} and dies of a real native crash (a write to
 * address 0) after three frames, while the encoder holds the partial output open, as a render
 * crashing in Skia or FFmpeg would.
 */
public final class CrashingRender {
  private CrashingRender() {}

  public static void main(String[] args) throws Exception {
    RenderPlan plan = new Planner(PlanOptions.defaults().withSeed(1), new FfmpegProbe()).plan("""
        {outPath: '%s', width: 64, height: 64, fps: 10, clips: [{duration: 5, layers: [{type: 'fill-color', color: 'red'}]}]}"""
        .formatted(args[0].replace("'", "\\\\'")));
    java.nio.file.Path dir = java.nio.file.Path.of(args[0]).toAbsolutePath().getParent();
    Renderer.render(plan, new Renderer.Options(GpuMode.OFF, 1, p -> {
      if (p.framesDone() < 3) return;
      // the test checks that there was something to remove
      try (var files = java.nio.file.Files.list(dir)) {
        System.out.println("partial output present: " + files.anyMatch(f -> f.getFileName().toString().contains(".partial-")));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      System.out.flush();
      crash();
    }));
    System.exit(0); // not reached
  }

  @SuppressWarnings("removal")
  private static void crash() {
    try {
      java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      ((sun.misc.Unsafe) f.get(null)).putAddress(0L, 42L);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
