package dev.smelter.video.plan;

/** A frame rate such as 30/1 or 30000/1001, kept exact for the container time base. */
public record Rational(int num, int den) {
  public Rational {
    if (num <= 0 || den <= 0) throw new IllegalArgumentException("rational must be positive: " + num + "/" + den);
  }

  public static Rational of(double value) {
    if (value == Math.rint(value)) return new Rational((int) value, 1);
    // Common NTSC-style rates first, then a millesimal approximation.
    for (int den : new int[] {1001, 1000, 100}) {
      double n = value * den;
      if (Math.abs(n - Math.rint(n)) < 1e-6) return new Rational((int) Math.rint(n), den);
    }
    return new Rational((int) Math.round(value * 1000), 1000);
  }

  public double value() {
    return (double) num / den;
  }

  @Override
  public String toString() {
    return den == 1 ? Integer.toString(num) : num + "/" + den;
  }
}
