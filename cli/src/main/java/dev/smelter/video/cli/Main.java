package dev.smelter.video.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./smelter-video}. */
@Command(
    name = "smelter-video",
    mixinStandardHelpOptions = true,
    version = "smelter-video 0.1.0",
    description = "Renders Editly JSON/JSON5 specs to MP4, frame-exact and fast.",
    subcommands = {RenderCommand.class, ProbeCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
