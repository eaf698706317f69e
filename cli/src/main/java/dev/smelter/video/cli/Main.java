package dev.smelter.video.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./smelter-video}. */
@Command(
    name = "smelter-video",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Renders Editly JSON/JSON5 specs to MP4, frame-exact and fast.",
    subcommands = {RenderCommand.class, ProbeCommand.class, CompareCommand.class, ServeCommand.class, WorkerCommand.class, WebhookSecretCommand.class,
        dev.smelter.video.cli.bench.BenchCommand.class, dev.smelter.video.cli.bench.EncodeOnlyCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    quietLogging();
    int code = run(args);
    if (code != ServeCommand.KEEP_RUNNING) System.exit(code);
  }

  /** Library INFO chatter (encoder probing) is for logs, not for a terminal; SMELTER_LOG=INFO shows it. */
  static void quietLogging() {
    java.util.logging.Level level = java.util.logging.Level.parse(System.getenv().getOrDefault("SMELTER_LOG", "WARNING"));
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(level);
    for (var h : root.getHandlers()) h.setLevel(level);
  }

  static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  /** {@code --version}: the build's version, as fleet workers report it in {@code GET /workers}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"smelter-video " + dev.smelter.video.server.BuildInfo.version()};
    }
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
