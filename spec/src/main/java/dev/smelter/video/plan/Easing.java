package dev.smelter.video.plan;

/** Easing curves Editly knows (0.14.2: linear and easeOutExpo; master adds easeInOutCubic). */
public enum Easing {
  LINEAR("linear"),
  EASE_OUT_EXPO("easeOutExpo"),
  EASE_IN_OUT_CUBIC("easeInOutCubic");

  private final String editlyName;

  Easing(String editlyName) {
    this.editlyName = editlyName;
  }

  public String editlyName() {
    return editlyName;
  }

  public double apply(double x) {
    return switch (this) {
      case LINEAR -> x;
      case EASE_OUT_EXPO -> x == 1 ? 1 : 1 - Math.pow(2, -10 * x);
      case EASE_IN_OUT_CUBIC -> x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
    };
  }

  public static java.util.Optional<Easing> fromEditly(String name) {
    for (Easing e : values()) if (e.editlyName.equals(name)) return java.util.Optional.of(e);
    return java.util.Optional.empty();
  }
}
