package dev.smelter.video.server.intake;

import dev.smelter.video.plan.AudioPlan;
import java.util.Locale;
import java.util.Optional;

/**
 * The wire names of narration timing, shared by the job field {@code audioTiming}, the setting
 * {@code smelter.audio-timing} and the worker's command line: the same words as the CLI's
 * {@code --audio-timing} ({@code stretch}, Editly's retiming; {@code pad}, normal speed).
 */
public final class AudioTimings {
  /** The key under which an accepted job's choice travels inside its stored spec, up to the worker. */
  public static final String SPEC_KEY = "audioTiming";

  private AudioTimings() {}

  public static Optional<AudioPlan.Timing> parse(String text) {
    if (text == null) return Optional.empty();
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "stretch" -> Optional.of(AudioPlan.Timing.STRETCH);
      case "pad" -> Optional.of(AudioPlan.Timing.PAD);
      default -> Optional.empty();
    };
  }

  /** The setting's value; a value that names no timing stops the service at start-up, not a job later. */
  public static AudioPlan.Timing setting(String text) {
    if (text == null || text.isBlank()) return AudioPlan.Timing.STRETCH;
    return parse(text).orElseThrow(() -> new IllegalStateException(
        "smelter.audio-timing must be 'stretch' or 'pad', not '" + text + "'"));
  }

  public static String wire(AudioPlan.Timing timing) {
    return timing.name().toLowerCase(Locale.ROOT);
  }
}
