package dev.smelter.video.render.transition;

/**
 * {@code TilesWave}: a wave of tiles ({@code tileCount}) flips one after another, column-major, each
 * squeezing the outgoing tile to a line and unfolding the incoming one (mirrored), horizontally with
 * {@code flipX} and/or vertically with {@code flipY}.
 */
final class TilesWave extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("TilesWave", """
      float squeeze(float c, float s) { return c < 0.5 ? (c - s) * 0.5 / (0.5 - s) : (c - 0.5) * 0.5 / (0.5 - s) + 0.5; }

      half4 transition(float2 uv) {
        float2 n = floor(tileCount);
        float2 tile = floor(uv * n);
        float2 local = fract(uv * n);
        float total = n.x * n.y;
        float start = (tile.y + tile.x * n.y) / total;
        float t = clamp((progress - start) * total, 0.0, 0.5);
        float s = 1.0 - abs(cos(fract(t) * 3.1415926));
        bool fx = flipX > 0.5;
        bool fy = flipY > 0.5;
        float2 q = local;
        if (s <= 0.5) {
          if (fx) {
            if (q.x < s || q.x > 1.0 - s) return getFromColor(uv);
            q.x = squeeze(q.x, s);
          }
          if (fy) {
            if (q.y < s || q.y > 1.0 - s) return getFromColor(uv);
            q.y = squeeze(q.y, s);
          }
          return getFromColor((tile + q) / n);
        }
        if (fx) {
          if (q.x > s || q.x < 1.0 - s) return getToColor(uv);
          q.x = 1.0 - squeeze(q.x, s);
        }
        if (fy) {
          if (q.y > s || q.y < 1.0 - s) return getToColor(uv);
          q.y = 1.0 - squeeze(q.y, s);
        }
        return getToColor((tile + q) / n);
      }
      """);

  TilesWave() {
    super(PROGRAM);
  }
}
