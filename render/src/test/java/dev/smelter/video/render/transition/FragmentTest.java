package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code fragment}'s per-frame constants, bit for bit as the reference computes them: values read
 * back from headless-gl + Mesa llvmpipe (Editly 0.14.2's GL) with a probe shader that encodes each
 * float's 24 mantissa bits in RGBA8 (see Fragment's class comment for the rules they follow).
 */
class FragmentTest {
  /** {@code random2(vec2(float(i)))} for i = 0…9, inside gl-transitions' unrolled seed loop. */
  private static final float[] REFERENCE_SEEDS = {0.0f, 0.0f, 0.6875f, 0.8977928161621094f, 0.4677734375f, 0.14453125f,
      0.068359375f, 0.6025390625f, 0.296875f, 0.51953125f, 0.6875f, 0.451171875f, 0.994140625f, 0.3759765625f,
      0.115234375f, 0.83984375f, 0.8046875f, 0.97265625f, 0.59375f, 0.6953125f};

  /** {@code normalize(random2(vec2(i, i + 11)))} and {@code random(dir)}, evaluated at run time. */
  private static final float[] REFERENCE_DIR_X = {0.3587295413017273f, 0.13704417645931244f, 0.9098843932151794f,
      0.43094372749328613f, 0.516936719417572f, 0.7447671294212341f, 0.9008139371871948f, 0.15023605525493622f,
      0.755055844783783f, 0.6363345384597778f};
  private static final float[] REFERENCE_DIR_Y = {0.9334415793418884f, 0.9905648827552795f, 0.41486185789108276f,
      0.9023787975311279f, 0.8560237288475037f, 0.6673245429992676f, 0.4342052936553955f, 0.9886501431465149f,
      0.6556605100631714f, 0.7714132070541382f};
  private static final float[] REFERENCE_SPEED_HASH = {0.58203125f, 0.83203125f, 0.521484375f, 0.375f, 0.4453125f,
      0.9921875f, 0.90234375f, 0.71484375f, 0.63671875f, 0.421875f};

  @Test
  void seedsAreTheReferencesBitForBit() {
    assertThat(Fragment.seedPoints()).containsExactly(REFERENCE_SEEDS);
  }

  @Test
  void shardOffsetsFollowTheReferencesDirectionsAndSpeeds() {
    // progress 0.1875 → time 8·p − 0.5 = 1 exactly, so each offset is direction × speed.
    float[] offsets = Fragment.shardOffsets(0.1875f);
    for (int i = 0; i < 10; i++) {
      float speed = (1f + REFERENCE_SPEED_HASH[i] * 0.5f) * 0.2f;
      assertThat(offsets[2 * i]).as("shard %d x", i).isEqualTo(REFERENCE_DIR_X[i] * speed);
      assertThat(offsets[2 * i + 1]).as("shard %d y", i).isEqualTo(REFERENCE_DIR_Y[i] * speed);
    }
    assertThat(Fragment.shardOffsets(0.0625f)).containsOnly(0f); // nothing moves before time 0.5
  }
}
