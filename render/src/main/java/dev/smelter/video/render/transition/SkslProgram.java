package dev.smelter.video.render.transition;

import dev.smelter.video.spec.transition.TransitionCatalog;
import io.github.humbleui.skija.RuntimeEffect;

/**
 * One SkSL source, compiled on first use and then shared by every thread for the rest
 * of the process (a compiled {@link RuntimeEffect} is immutable).
 *
 * <p>The prelude gives each body gl-transitions' vocabulary: {@code progress}, {@code ratio}
 * (W/H), {@code getFromColor(uv)}/{@code getToColor(uv)} with uv in 0..1 and uv.y = 0 the top row
 * (Skia's pixel space is y-down, which is exactly Editly's orientation quirk). The body defines
 * {@code half4 transition(float2 uv)}.
 *
 * <p>The colours it reads are unpremultiplied, as Editly's GL gets them (canvas ImageData uploaded
 * as is): a translucent pixel of a clip keeps its colour into the transition instead of coming
 * out darkened once the result is made opaque. Opaque frames read the same either way.
 *
 * <p>Values that are not finite behave as on the reference's GL (Mesa llvmpipe, measured through
 * Editly, fidelity/transition-sweep.sh). Programs divide by zero at exact progress values
 * ({@code BookFlip} and {@code SimpleFlip} by {@code progress − 0.5} at 0.5, the middle frame of a
 * two-frame transition): GL clamps a texture coordinate of ±∞ to the edge texel, a finite colour
 * that the program then weights by 0, while Skia's image shader returns NaN there and poisons the
 * mix. So uv is clamped to [−1, 2] before sampling: the frames are clamped at their edges anyway,
 * so finite uv read exactly as before, ±∞ reads the edge, NaN the top or left edge. And a NaN
 * channel of the result is written as 0 by llvmpipe but as 255 by Skia (a white frame instead of a
 * black one), so the mains take {@code max(c, 0)}, which is 0 for NaN in Skia's raster pipeline and
 * changes no other value the 8-bit conversion keeps.
 */
final class SkslProgram {
  static final String PRELUDE = """
      uniform shader fromImage;
      uniform shader toImage;
      uniform float2 resolution;
      uniform float progress;
      uniform float ratio;

      half4 getFromColor(float2 uv) { return unpremul(fromImage.eval(clamp(uv, -1.0, 2.0) * resolution)); }
      half4 getToColor(float2 uv) { return unpremul(toImage.eval(clamp(uv, -1.0, 2.0) * resolution)); }
      """;

  /**
   * Sine and cosine as the reference's software GL (Mesa llvmpipe) evaluates them: Cody–Waite
   * reduction by π/4 in three float steps, then the Cephes single-precision polynomials. Many
   * gl-transitions hash cell coordinates with {@code fract(sin(large) · 43758.5)}, which amplifies
   * any difference in sin by 10⁵; Skia's own sin is accurate to ~1e-4 on such arguments, enough to
   * turn every cell's random value into another one. With this evaluation the cells match.
   */
  private static final String REFERENCE_TRIG = """
      float referencePoly(float x, bool sinPoly) {
        float z = x * x;
        if (sinPoly) return ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * x + x;
        return ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z - 0.5 * z + 1.0;
      }
      // x - j*pi/4 as llvmpipe computes it, fma(j, -DPi, a) three times. The first two must be
      // fused: past j = 2^13 (|x| > ~6400) plain float rounds j*DP1 or j*DP2 and the hash becomes
      // another value. SkSL has no fma, so j is split: DP1 has 8 significant bits and DP2 11, so
      // j's low 8 / 11 bits and the rest multiply exactly, and the subtractions are then exact too
      // (Sterbenz). The third step stays unfused: it moves the last bit now and then (a hash by a
      // few 1/256), and exact error recovery would cost another ~17 operations per sine.
      float referenceReduce(float x, float j) {
        float hi = floor(j * 0.00390625) * 256.0;
        float a = (x - hi * 0.78515625) - (j - hi) * 0.78515625;
        hi = floor(j * 0.00048828125) * 2048.0;
        a = (a - hi * 2.4187564849853515625e-4) - (j - hi) * 2.4187564849853515625e-4;
        return a - j * 3.77489497744594108e-8;
      }
      float referenceSin(float a) {
        float x = abs(a);
        float j = floor(x * 1.27323954473516);
        j += mod(j, 2.0);
        float r = referencePoly(referenceReduce(x, j), mod(j, 4.0) < 2.0);
        bool negative = (a < 0.0) != (mod(j, 8.0) >= 4.0);
        return negative ? -r : r;
      }
      float referenceCos(float a) {
        float x = abs(a);
        float j = floor(x * 1.27323954473516);
        j += mod(j, 2.0);
        float r = referencePoly(referenceReduce(x, j), mod(j - 2.0, 4.0) < 2.0);
        return mod(j - 2.0, 8.0) >= 4.0 ? r : -r;
      }
      """;

  private static final String MAIN = """

      half4 main(float2 fragCoord) {
        half4 c = max(transition(fragCoord / resolution), 0.0);
        return half4(c.rgb * c.a, c.a);
      }
      """;

  private static final String OPAQUE_MAIN = """

      half4 main(float2 fragCoord) { return half4(max(transition(fragCoord / resolution).rgb, 0.0), 1.0); }
      """;

  /** Like OPAQUE_MAIN, with uv as the reference's GL interpolates it ({@link ReferenceUv}). */
  private static final String REFERENCE_UV_MAIN = """

      half4 main(float2 fragCoord) { return half4(max(transition(referenceUvAt(fragCoord)).rgb, 0.0), 1.0); }
      """;

  private final String name;
  private final String source;
  /** For a program reading {@link ReferenceUv}: the same program on {@code fragCoord / resolution}. */
  private final SkslProgram plainUv;
  private volatile RuntimeEffect effect;

  private SkslProgram(String name, String source) {
    this(name, source, null);
  }

  private SkslProgram(String name, String source, SkslProgram plainUv) {
    this.name = name;
    this.source = source;
    this.plainUv = plainUv;
  }

  /** A two-frame transition: {@code body} defines {@code half4 transition(float2 uv)}. */
  static SkslProgram transition(String name, String body) {
    return new SkslProgram(name, PRELUDE + body + MAIN);
  }

  /**
   * A two-frame transition whose gl-transitions params become uniforms of the same name and size
   * (declared here from {@link TransitionCatalog}, booleans and ints as {@code float}). The output is
   * forced opaque: Editly hands the shader's RGB to the encoder and drops its alpha.
   */
  static SkslProgram withCatalogParams(String catalogName, String body) {
    return new SkslProgram(catalogName, PRELUDE + REFERENCE_TRIG + catalogUniforms(catalogName) + body + OPAQUE_MAIN);
  }

  /**
   * {@link #withCatalogParams}, with {@code transition} given uv exactly as the reference's GL
   * interpolates it ({@link ReferenceUv}) instead of {@code fragCoord / resolution}: for programs that
   * hash the pixel's own uv, where a last-bit difference becomes a different random value.
   */
  static SkslProgram withCatalogParamsAndReferenceUv(String catalogName, String body) {
    return new SkslProgram(catalogName,
        PRELUDE + REFERENCE_TRIG + ReferenceUv.SKSL + catalogUniforms(catalogName) + body + REFERENCE_UV_MAIN,
        withCatalogParams(catalogName, body));
  }

  private static String catalogUniforms(String catalogName) {
    TransitionCatalog.Entry entry = TransitionCatalog.find(catalogName)
        .orElseThrow(() -> new IllegalArgumentException("not a gl-transitions name: " + catalogName));
    StringBuilder uniforms = new StringBuilder();
    for (TransitionCatalog.Param param : entry.params().values()) {
      uniforms.append("uniform ").append(floatType(param.size())).append(' ').append(param.name()).append(";\n");
    }
    return uniforms.toString();
  }

  /** Whether the program needs the {@link ReferenceUv#table} child {@code referenceUv}. */
  boolean usesReferenceUv() {
    return plainUv != null;
  }

  /**
   * The variant for GPU surfaces: there the float table does not reach the program bit for bit
   * (measured on Skia's GL backend), so it runs on {@code fragCoord / resolution} as before.
   */
  SkslProgram plainUv() {
    return plainUv == null ? this : plainUv;
  }

  static String floatType(int size) {
    return size == 1 ? "float" : "float" + size;
  }

  String name() {
    return name;
  }

  /** A standalone shader with its own uniforms and {@code main}, with {@code referenceSin}/{@code referenceCos}. */
  static SkslProgram withReferenceTrig(String name, String source) {
    return new SkslProgram(name, REFERENCE_TRIG + source);
  }

  /** A standalone shader with its own uniforms and {@code main}. */
  static SkslProgram shader(String name, String source) {
    return new SkslProgram(name, source);
  }

  RuntimeEffect effect() {
    RuntimeEffect compiled = effect;
    if (compiled == null) {
      synchronized (this) {
        compiled = effect;
        if (compiled == null) {
          try {
            compiled = RuntimeEffect.makeForShader(source);
          } catch (RuntimeException e) {
            throw new IllegalStateException("SkSL program '" + name + "' does not compile: " + e.getMessage(), e);
          }
          effect = compiled;
        }
      }
    }
    return compiled;
  }
}
