package dev.smelter.video.plan;

/**
 * Editly's zoom ({@code zoomDirection}, {@code zoomAmount}) as a pure function of layer progress.
 *
 * <p>0.14.2: {@code in} scales {@code 1 + amount·p}, {@code out} scales {@code 1 + amount·(1−p)},
 * anything else 1. master adds {@code left}/{@code right}: scale {@code 1.3 + amount} and a horizontal
 * shift of {@code ±(p·1000·amount − 500·amount)} pixels (not resolution-relative).
 */
public record KenBurns(Direction direction, double amount) {
  public enum Direction { NONE, IN, OUT, LEFT, RIGHT }

  public static final KenBurns NONE = new KenBurns(Direction.NONE, 0);

  public double scaleAt(double progress) {
    return switch (direction) {
      case IN -> 1 + amount * progress;
      case OUT -> 1 + amount * (1 - progress);
      case LEFT, RIGHT -> 1.3 + amount;
      case NONE -> 1;
    };
  }

  /** Horizontal shift in output pixels (only for left/right pans). */
  public double translateXAt(double progress) {
    double shift = progress * 1000 * amount - 500 * amount;
    return switch (direction) {
      case LEFT -> -shift;
      case RIGHT -> shift;
      default -> 0;
    };
  }
}
