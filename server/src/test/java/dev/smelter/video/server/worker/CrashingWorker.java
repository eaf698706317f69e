package dev.smelter.video.server.worker;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.GpuMode;
import dev.smelter.video.render.Renderer;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for {@link WorkerMain} (same arguments, same protocol) whose render dies of a real
 * native crash after a few frames: a write to address 0 from the progress listener, while the
 * encoder holds its partial output open. Test-only; the service always starts WorkerMain.
 */
public final class CrashingWorker {
  private CrashingWorker() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    RenderPlan plan = new Planner(PlanOptions.defaults().withBaseDir(Path.of(args[1])).withSeed(1), new FfmpegProbe())
        .plan(Files.readString(Path.of(args[0])));
    Renderer.render(plan, new Renderer.Options(GpuMode.OFF, 1, p -> {
      out.println(WorkerProtocol.progress(p));
      if (p.framesDone() >= 3) crash();
    }));
    out.println("@error {\"message\":\"the render should have crashed\"}");
    System.exit(1);
  }

  @SuppressWarnings("removal")
  private static void crash() {
    try {
      java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      ((sun.misc.Unsafe) f.get(null)).putAddress(0L, 42L); // SIGSEGV in the JVM's own code: a fatal error
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
