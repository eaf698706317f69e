package dev.smelter.video.cli.bench;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.RenderEngine;
import dev.smelter.video.render.bench.EncodeOnlyLimit;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Hidden helper of {@code bench}: the encode-only limit of one spec, as JSON, in its own process. */
@Command(name = "bench-encode-only", hidden = true)
public final class EncodeOnlyCommand implements Callable<Integer> {
  @Parameters(index = "0") Path spec;

  @Override
  public Integer call() throws Exception {
    RenderPlan plan = new Planner(PlanOptions.defaults().withSeed(1), RenderEngine.ffmpegProbe()).plan(Files.readString(spec));
    Path scratch = Files.createTempDirectory("encode-only");
    try {
      EncodeOnlyLimit.Result r = EncodeOnlyLimit.measure(plan, 96, scratch); // 8 runs of 12 frames: ≈ 800 MB at 1080×1920
      System.out.printf(Locale.ROOT, "{\"frames\":%d,\"wallMillis\":%d,\"encoder\":\"%s\"}%n", r.frames(), r.wallMillis(), r.encoder());
    } finally {
      Files.deleteIfExists(scratch);
    }
    return 0;
  }
}
