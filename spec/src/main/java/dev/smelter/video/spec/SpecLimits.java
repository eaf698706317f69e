package dev.smelter.video.spec;

/**
 * Bounds on what one spec may ask for, checked by the {@link Planner} with the JSON path of the
 * offending value, so the CLI (exit 2) and the service (HTTP 400) refuse the same specs up front
 * instead of holding a render slot for hours or overflowing the timeline maths. The service sets
 * them from {@code smelter.limits.*}, the CLI from {@code --limit NAME=VALUE}; docs/limits.md lists
 * them with their defaults.
 *
 * @param width widest output, pixels
 * @param height tallest output, pixels
 * @param fps highest output frame rate
 * @param durationSeconds longest output video
 * @param frames most output frames
 * @param clips most clips
 * @param layers most layers in one clip
 * @param textLength most characters (UTF-16 units) in one text layer's {@code text}
 */
public record SpecLimits(int width, int height, double fps, double durationSeconds, long frames, int clips, int layers, int textLength) {
  /** The CLI's and the service's defaults (docs/limits.md). */
  public static final SpecLimits DEFAULTS = new SpecLimits(4096, 4096, 240, 14_400, 1_000_000, 2_000, 100, 10_000);

  /**
   * No bounds beyond the planner's own (a render worker plans a spec the API's intake has already
   * held against the configured limits).
   */
  public static final SpecLimits NONE = new SpecLimits(16_384, 16_384, 1_000, Double.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
      Integer.MAX_VALUE, Integer.MAX_VALUE);

  public SpecLimits {
    if (width < 1 || height < 1 || !(fps > 0) || !(durationSeconds > 0) || frames < 1 || clips < 1 || layers < 1 || textLength < 0) {
      throw new IllegalArgumentException("every limit must be positive: " + this);
    }
  }

  /** The same limits with {@code name} (as in docs/limits.md: width, fps, text-length, …) set to {@code value}. */
  public SpecLimits with(String name, String value) {
    double v;
    try {
      v = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit " + name + ": not a number: " + value);
    }
    if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("limit " + name + ": must be a positive number: " + value);
    int i = (int) Math.min(Integer.MAX_VALUE, v);
    return switch (name) {
      case "width" -> new SpecLimits(i, height, fps, durationSeconds, frames, clips, layers, textLength);
      case "height" -> new SpecLimits(width, i, fps, durationSeconds, frames, clips, layers, textLength);
      case "fps" -> new SpecLimits(width, height, v, durationSeconds, frames, clips, layers, textLength);
      case "duration-seconds" -> new SpecLimits(width, height, fps, v, frames, clips, layers, textLength);
      case "frames" -> new SpecLimits(width, height, fps, durationSeconds, (long) Math.min(Long.MAX_VALUE, v), clips, layers, textLength);
      case "clips" -> new SpecLimits(width, height, fps, durationSeconds, frames, i, layers, textLength);
      case "layers" -> new SpecLimits(width, height, fps, durationSeconds, frames, clips, i, textLength);
      case "text-length" -> new SpecLimits(width, height, fps, durationSeconds, frames, clips, layers, i);
      default -> throw new IllegalArgumentException("unknown limit " + name
          + " (known: width, height, fps, duration-seconds, frames, clips, layers, text-length)");
    };
  }
}
