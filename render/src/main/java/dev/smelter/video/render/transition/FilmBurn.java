package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.RuntimeEffectBuilder;

/**
 * {@code FilmBurn}: a cross-fade (steep sigmoid, exponent 10) seen through a film burn: 13 moving
 * sine blotches and 13 drifting hot spots (all seeded by {@code Seed}) are added in warm tones
 * (channel exponents 1, 2 − sin πp, 1.3, times sin πp), the picture pulses in scale by up to 5 %, and
 * a 50-tap jittered radial blur of radius 0.03·sin πp softens it.
 *
 * <p>Everything random that does not depend on the pixel (blotch frequencies and phases, hot-spot
 * positions, the pulse, the blur directions) is computed once per frame on the CPU with
 * {@link ReferenceTrig}; per pixel that leaves the blotches, one hash per blur tap and the samples.
 */
final class FilmBurn extends CatalogShaderTransition {
  /** The blur taps' directions: the effect takes cos/sin of degrees(angle), i.e. of k·7.2·57.3 rad. */
  private static final float[] BLUR_DIRECTIONS = blurDirections();

  FilmBurn() {
    super(TransitionShaders.program("FilmBurn")); // Transitions makes the one instance
  }

  @Override
  protected void setFrameUniforms(RuntimeEffectBuilder uniforms, TransitionParams params, float progress) {
    float seed = (float) params.scalar("Seed", 2.31);
    float[] blotch = new float[13 * 4];
    float[] hotSpot = new float[13 * 2];
    for (int k = 0; k < 13; k++) {
      float i = k;
      blotch[4 * k] = seeded(i, seed);
      blotch[4 * k + 1] = seeded(i + 1.43f, seed);
      blotch[4 * k + 2] = seeded(i + 4.4f, seed);
      blotch[4 * k + 3] = seeded(i + 2.4f, seed);
      hotSpot[2 * k] = smoothValue(progress * 1.3f, i + 1f, seed);
      hotSpot[2 * k + 1] = smoothValue(progress * 0.5f, i + 6.25f, seed);
    }
    uniforms.setUniform("blotch", blotch);
    uniforms.setUniform("hotSpot", hotSpot);
    uniforms.setUniform("pulse", smoothValue(progress * 5f, 6.3f, seed));
    uniforms.setUniform("blurDirection", BLUR_DIRECTIONS);
  }

  private static float[] blurDirections() {
    float[] out = new float[100];
    for (int k = 0; k < 50; k++) {
      float angle = (float) k / 50f * 360f * 57.29578f;
      out[2 * k] = ReferenceTrig.cos(angle);
      out[2 * k + 1] = ReferenceTrig.sin(angle);
    }
    return out;
  }

  private static float seeded(float co, float seed) {
    return ReferenceTrig.hash(co * 24.9898f + seed);
  }

  private static float sigmoid(float x, float a) {
    return x > 0.5f ? 1f - (float) Math.pow(2f - x * 2f, a) / 2f : (float) Math.pow(x * 2f, a) / 2f;
  }

  /** A seeded value at an integer cell, blended between two seeds by the fractional part of shift. */
  private static float cellValue(float x, float y, float shift, float seed) {
    x += 10f;
    y += 10f;
    float v0 = ReferenceTrig.hash(x * (12.9898f + (float) Math.floor(shift) * 0.5f) + y * (78.233f + seed));
    float v1 = ReferenceTrig.hash(x * (12.9898f + (float) Math.floor(shift + 1f) * 0.5f) + y * (78.233f + seed));
    return v0 + (v1 - v0) * sigmoid(ReferenceTrig.fract(shift), 2f);
  }

  /** Smoothly interpolated cell values at (c, c), the diagonal where all its uses sample. */
  private static float smoothValue(float c, float shift, float seed) {
    float i = (float) Math.floor(c);
    float f = c - i;
    float s = sigmoid(f, 2f);
    float top = mix(cellValue(i, i, shift, seed), cellValue(i + 1f, i, shift, seed), s);
    float bottom = mix(cellValue(i, i + 1f, shift, seed), cellValue(i + 1f, i + 1f, shift, seed), s);
    return mix(top, bottom, s);
  }

  private static float mix(float a, float b, float t) {
    return a + (b - a) * t;
  }
}
