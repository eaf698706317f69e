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
 * frame on the CPU with {@link ReferenceTrig}.
 */
final class Fragment extends CatalogShaderTransition {
  private static final int SHARDS = 10;

  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("fragment", """
      uniform float2 seedPoint[10];
      uniform float2 shardOffset[10];

      half4 transition(float2 uv) {
        // Find the shard first and sample once after the loop (Skia's raster SkSL mis-sampled a
        // frame read inside this data-dependent loop).
        float2 shard = uv;
        bool onShard = false;
        for (int i = 0; i < 10; i++) {
          float2 u = uv - shardOffset[i];
          bool inFrame = !(u.x < 0.0 || u.x > 1.0 || u.y < 0.0 || u.y > 1.0);
          float own = distance(u, seedPoint[i]);
          bool nearest = true;
          for (int j = 0; j < 10; j++) {
            if (distance(u, seedPoint[j]) < own) nearest = false;
          }
          if (!onShard && inFrame && nearest) {
            onShard = true;
            shard = u;
          }
        }
        half4 outgoing = getFromColor(shard);
        half4 incoming = getToColor(uv);
        if (progress <= 0.0) return getFromColor(uv);
        if (progress >= 1.0) return incoming;
        return onShard ? outgoing : incoming;
      }
      """);

  private static final float[] SEED_POINTS = seedPoints();

  Fragment() {
    super(PROGRAM);
  }

  @Override
  protected void setFrameUniforms(RuntimeEffectBuilder uniforms, TransitionParams params, float progress) {
    float travel = Math.clamp(progress * 8f - 0.5f, 0f, 8f);
    float[] offsets = new float[2 * SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      float[] dir = hash2((float) i, (float) i + 11f);
      float length = (float) Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1]);
      float dx = dir[0] / length, dy = dir[1] / length;
      float speed = (1f + hash(dx, dy) * 0.5f) * 0.2f;
      offsets[2 * i] = dx * travel * speed;
      offsets[2 * i + 1] = dy * travel * speed;
    }
    uniforms.setUniform("seedPoint", SEED_POINTS);
    uniforms.setUniform("shardOffset", offsets);
  }

  private static float[] seedPoints() {
    float[] out = new float[2 * SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      float[] p = hash2(i, i);
      out[2 * i] = p[0];
      out[2 * i + 1] = p[1];
    }
    return out;
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
