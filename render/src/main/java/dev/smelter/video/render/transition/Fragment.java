package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.RuntimeEffectBuilder;

/**
 * {@code fragment}: the outgoing frame shatters into ten Voronoi shards around seeded points; each
 * shard flies off in its own seeded direction at 0.2–0.3 frame per unit of time (time = 8·p, moving
 * from time 0.5), uncovering the incoming frame. A pixel shows the first shard (in seed order) whose
 * moved-back position lies inside the frame and is nearest to that shard's seed.
 *
 * <p>The seeds and the shards' offsets do not depend on the pixel, so they are computed once per
 * frame on the CPU, each the way the reference arrives at it (probed on headless-gl + llvmpipe: with
 * these rules all ten seeds and directions match bit for bit, and so do whole frames).
 * Its GLSL compiler unrolls the seed loop and folds it at compile time: the dot product of the splat
 * {@code vec2(i)} becomes {@code i·(12.9898 + 78.233)} and the sine is the C library's, correctly
 * rounded. The shard loop runs on llvmpipe: {@link ReferenceTrig}'s sine, a fused dot product, and
 * {@code normalize} as a multiplication by the reciprocal length. Every hash turns a last-bit
 * difference into a different value, and one different speed puts a whole shard elsewhere.
 */
final class Fragment extends CatalogShaderTransition {
  private static final int SHARDS = 10;

  private static final float[] SEED_POINTS = foldedSeedPoints();

  Fragment() {
    super(TransitionShaders.program("fragment")); // Transitions makes the one instance
  }

  @Override
  protected void setFrameUniforms(RuntimeEffectBuilder uniforms, TransitionParams params, float progress) {
    uniforms.setUniform("seedPoint", SEED_POINTS);
    uniforms.setUniform("shardOffset", shardOffsets(progress));
  }

  /** Each shard's (dx, dy) at {@code progress}: its direction × travelled time × its speed. */
  static float[] shardOffsets(float progress) {
    float travel = Math.clamp(progress * 8f - 0.5f, 0f, 8f);
    float[] offsets = new float[2 * SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      float[] dir = hash2((float) i, (float) i + 11f);
      float inverse = 1f / (float) Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1]);
      float dx = dir[0] * inverse, dy = dir[1] * inverse;
      float speed = (1f + hash(dx, dy) * 0.5f) * 0.2f;
      offsets[2 * i] = dx * travel * speed;
      offsets[2 * i + 1] = dy * travel * speed;
    }
    return offsets;
  }

  /** The ten seeds, (x, y) pairs. */
  static float[] seedPoints() {
    return SEED_POINTS.clone();
  }

  private static float[] foldedSeedPoints() {
    float[] out = new float[2 * SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      float first = foldedSplatHash(i);
      out[2 * i] = first;
      out[2 * i + 1] = foldedSplatHash(i + first);
    }
    return out;
  }

  /** The hash of {@code vec2(v, v)} as the reference's compiler folds it (see the class comment). */
  private static float foldedSplatHash(float v) {
    return ReferenceTrig.fract((float) Math.sin(v * (12.9898f + 78.233f)) * 43758.5453f);
  }

  private static float hash(float x, float y) {
    return ReferenceTrig.hash(Math.fma(x, 12.9898f, y * 78.233f));
  }

  /** Two seeded values: the hash of (x, y), then the hash of (x, y) moved by that value. */
  private static float[] hash2(float x, float y) {
    float first = hash(x, y);
    return new float[] {first, hash(x + first, y + first)};
  }
}
