package dev.smelter.video.server;

import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.RenderEngine;
import dev.smelter.video.spec.Diagnostics;
import dev.smelter.video.spec.EncodeSettingsResolver;
import dev.smelter.video.spec.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code smelter.encoding.server-args} checked once, when the service starts: a typo there is the
 * operator's, so it stops the start with the setting's name instead of failing every client's job
 * as if their spec were wrong. The same reading and libav checks as a spec's {@code customOutputArgs}.
 */
public final class EncoderArgsCheck {
  public static final String SETTING = "smelter.encoding.server-args";
  private static final System.Logger LOG = System.getLogger(EncoderArgsCheck.class.getName());

  private EncoderArgsCheck() {}

  /** The problems with {@code args}, named {@code smelter.encoding.server-args[i]}; warnings are logged. */
  public static List<Problem> problems(List<String> args) {
    if (args.isEmpty()) return List.of();
    Diagnostics diag = new Diagnostics();
    EncodeSettings settings = EncodeSettingsResolver.apply(EncodeSettingsResolver.defaults(false), args, SETTING, diag);
    List<Problem> problems = new ArrayList<>(diag.errors());
    List<String> warnings = new ArrayList<>(diag.warnings().stream().map(Problem::toString).toList());
    if (problems.isEmpty()) {
      OutputSpec probe = new OutputSpec(Path.of("server-args-check.mp4"), OutputSpec.Format.MP4, 64, 64, new Rational(25, 1), settings);
      RenderEngine.OutputCheck check = RenderEngine.checkOutput(probe, true, SETTING);
      problems.addAll(check.errors());
      warnings.addAll(check.warnings());
    }
    warnings.forEach(w -> LOG.log(System.Logger.Level.WARNING, w));
    return problems;
  }

  /** Stops the start when {@code args} have problems. */
  public static void verify(List<String> args) {
    List<Problem> problems = problems(args);
    if (problems.isEmpty()) return;
    throw new IllegalStateException("bad encoder arguments in " + SETTING + ": "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
  }
}
