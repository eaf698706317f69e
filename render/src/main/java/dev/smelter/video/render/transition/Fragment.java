package dev.smelter.video.render.transition;

/**
 * {@code fragment}: the outgoing frame shatters into ten Voronoi shards (random seeds) which fly off in
 * random directions (starting at progress 1/16), uncovering the incoming frame.
 */
final class Fragment extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("fragment", """
      float seedHash(float2 v) { return fract(referenceSin(dot(v, float2(12.9898, 78.233))) * 43758.5453); }

      float2 seedHash2(float2 v) { float r = seedHash(v); return float2(r, seedHash(v + r)); }

      half4 transition(float2 uv) {
        if (progress <= 0.0) return getFromColor(uv);
        if (progress >= 1.0) return getToColor(uv);
        float time = progress * 8.0;
        for (int i = 0; i < 10; i++) {
          float fi = float(i);
          float2 dir = normalize(seedHash2(float2(fi, fi + 11.0)));
          float speed = (1.0 + seedHash(dir) * 0.5) * 0.2;
          float2 u = uv - dir * clamp(time - 0.5, 0.0, 8.0) * speed;
          if (u.x < 0.0 || u.x > 1.0 || u.y < 0.0 || u.y > 1.0) continue;
          float own = distance(u, seedHash2(float2(fi)));
          bool nearest = true;
          for (int j = 0; j < 10; j++) {
            if (distance(u, seedHash2(float2(float(j)))) < own) { nearest = false; break; }
          }
          if (nearest) return getFromColor(u);
        }
        return getToColor(uv);
      }
      """);

  Fragment() {
    super(PROGRAM);
  }
}
