package dev.smelter.video.render.transition;

import static dev.smelter.video.render.transition.Frames.H;
import static dev.smelter.video.render.transition.Frames.W;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffectBuilder;
import io.github.humbleui.skija.Surface;
import org.junit.jupiter.api.Test;

/**
 * Frames at exact progress values where a program divides by zero or meets a NaN, pinned to what
 * Editly 0.14.2 rendered on its GL (Mesa llvmpipe) in fidelity/transition-sweep.sh (lossless,
 * 96×64, the same textured pictures as {@link Frames#textured}). The middle frame of a two-frame
 * transition is progress 1/2, so these are the frames a user sees with 0.2 s transitions at 10 fps.
 */
class ExactProgressTest {
  private static final Image FROM = Frames.textured(false);
  private static final Image TO = Frames.textured(true);

  private static Surface draw(String name, double progress) {
    return Frames.draw(Transitions.byName(name), FROM, TO, progress, CatalogTransitionsTest.defaults(name));
  }

  /** Largest difference of any channel between two 0xAARRGGBB colours. */
  private static int distance(int a, int b) {
    int d = 0;
    for (int shift = 0; shift < 32; shift += 8) d = Math.max(d, Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF)));
    return d;
  }

  /**
   * At 1/2 both skews divide by 0: Editly shows the outgoing frame left of the spine and the
   * incoming frame right of it (every pixel within 2 of the pictures, the encoder's rounding);
   * before the fix every pixel here was white (NaN from sampling at ±∞).
   */
  @Test
  void bookFlipAtOneHalfShowsTheOutgoingLeftHalfAndTheIncomingRightHalf() {
    int[] from = Frames.pixels(Frames.draw(Transitions.byName("fade"), FROM, TO, 0, TransitionParams.NONE));
    int[] to = Frames.pixels(Frames.draw(Transitions.byName("fade"), TO, FROM, 0, TransitionParams.NONE));
    try (Surface s = draw("BookFlip", 0.5)) {
      int[] got = Frames.pixels(s);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int want = x < W / 2 ? from[y * W + x] : to[y * W + x];
          assertThat(distance(got[y * W + x], want)).as("pixel (%d,%d)", x, y).isLessThanOrEqualTo(1);
        }
      }
    }
  }

  /** At 1/2 the picture is zero pixels wide: Editly's frame is black everywhere (it was white here). */
  @Test
  void simpleFlipAtOneHalfIsBlack() {
    try (Surface s = draw("SimpleFlip", 0.5)) {
      assertThat(Frames.pixels(s)).containsOnly(0xFF000000);
    }
  }

  /** Either side of 1/2 the flips are finite, and their frames still change only slightly there. */
  @Test
  void theFlipsJustBesideOneHalfStillShowBothBlackAndPicture() {
    for (String name : new String[] {"SimpleFlip", "BookFlip"}) {
      for (double p : new double[] {3.0 / 7, 4.0 / 7}) {
        try (Surface s = draw(name, p)) {
          int[] got = Frames.pixels(s);
          assertThat(got).as("%s at %s", name, p).doesNotContain(0xFFFFFFFF);
          assertThat(java.util.Arrays.stream(got).distinct().count()).as("%s at %s", name, p).isGreaterThan(100);
        }
      }
    }
  }

  /** A program's NaN result becomes 0, as llvmpipe writes it, not 255 (Skia's conversion). */
  @Test
  void aNanResultIsWrittenAsZero() {
    ShaderTransition nan = new ShaderTransition() {
      private final SkslProgram program = SkslProgram.transition("nan-probe", """
          half4 transition(float2 uv) { float zero = progress - progress; return half4(zero / zero, 0.5, zero / zero, 1.0); }
          """);

      @Override
      public String name() {
        return "nan-probe";
      }

      @Override
      protected SkslProgram program() {
        return program;
      }

      @Override
      protected void setParams(RuntimeEffectBuilder uniforms, TransitionParams params) {}
    };
    try (Surface s = Frames.draw(nan, FROM, TO, 0.5, TransitionParams.NONE)) {
      assertThat(Frames.pixel(s, W / 2, H / 2)).isEqualTo(0xFF008000);
    }
  }
}
