package dev.smelter.video.render.transition;

/**
 * The Java twin of the SkSL {@code referenceSin}/{@code referenceCos} in {@link SkslProgram}: sine as
 * the reference's software GL evaluates it (Cody–Waite reduction by π/4, Cephes single-precision
 * polynomials), in float arithmetic, for per-frame values computed on the CPU once instead of per
 * pixel.
 */
final class ReferenceTrig {
  private ReferenceTrig() {}

  static float sin(float a) {
    float x = Math.abs(a);
    float j = (float) Math.floor(x * 1.27323954473516f);
    j += j % 2f;
    float r = poly(reduce(x, j), j % 4f < 2f);
    boolean negative = (a < 0f) != (j % 8f >= 4f);
    return negative ? -r : r;
  }

  static float cos(float a) {
    float x = Math.abs(a);
    float j = (float) Math.floor(x * 1.27323954473516f);
    j += j % 2f;
    float q = Math.floorMod((int) j - 2, 8);
    float r = poly(reduce(x, j), q % 4f < 2f);
    return q >= 4f ? r : -r;
  }

  /** {@code fract(sin(x) · 43758.5453)}: the usual shader hash. */
  static float hash(float x) {
    return fract(sin(x) * 43758.5453f);
  }

  static float fract(float x) {
    return x - (float) Math.floor(x);
  }

  /**
   * {@code x − j·π/4} in three steps. llvmpipe emits each as a fused multiply-add
   * ({@code fma(j, −DPi, a)}, one rounding); the first two are what matters: past {@code j = 2¹³}
   * (|x| ≳ 6400) rounding {@code j·DP1} or {@code j·DP2} on its own gives an unrelated hash. The
   * third is left unfused (it moves the last bit now and then: a hash by a few 1/256), as in the
   * SkSL twin, which gets the fused results of the first two from exact split products
   * ({@code referenceReduce}); {@code ReferenceTrigTest} holds the two equal.
   */
  private static float reduce(float x, float j) {
    float a = Math.fma(j, -0.78515625f, x);
    a = Math.fma(j, -2.4187564849853515625e-4f, a);
    return a - j * 3.77489497744594108e-8f;
  }

  private static float poly(float x, boolean sinPoly) {
    float z = x * x;
    if (sinPoly) return ((-1.9515295891e-4f * z + 8.3321608736e-3f) * z - 1.6666654611e-1f) * z * x + x;
    return ((2.443315711809948e-5f * z - 1.388731625493765e-3f) * z + 4.166664568298827e-2f) * z * z - 0.5f * z + 1f;
  }
}
