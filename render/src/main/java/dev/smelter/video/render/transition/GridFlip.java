package dev.smelter.video.render.transition;

/**
 * {@code GridFlip}: the frame is divided into {@code size} tiles separated by {@code bgcolor} lines
 * (fading in during the first {@code pause} of progress and out during the last); in between, each
 * column of tiles flips horizontally from the outgoing to the incoming frame with a per-tile random
 * delay ({@code randomness}).
 */
final class GridFlip extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("GridFlip", """
      float tileHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      float edgeDistance(float2 p, float2 n) {
        float2 cell = 1.0 / n;
        float2 pos = floor(n * p);
        float dx = min(abs(p.x - cell.x * pos.x), abs(p.x - cell.x * (pos.x + 1.0)));
        float dy = min(abs(p.y - cell.y * pos.y), abs(p.y - cell.y * (pos.y + 1.0)));
        return min(dx, dy);
      }

      half4 transition(float2 p) {
        float2 n = floor(size);
        float divider = min(1.0 / n.x, 1.0 / n.y) * dividerWidth;
        bool onDivider = edgeDistance(p, n) < divider;
        half4 bg = half4(bgcolor);
        if (progress < pause) {
          return mix(bg, getFromColor(p), onDivider ? 1.0 - progress / pause : 1.0);
        }
        if (progress < 1.0 - pause) {
          if (onDivider) return bg;
          float t = (progress - pause) / (1.0 - pause * 2.0);
          float2 pos = floor(n * p);
          float cp = smoothstep(0.0, 1.0 - (tileHash(pos) - randomness), t);
          float tileW = 1.0 / n.x;
          float left = pos.x * tileW;
          float mid = left + tileW / 2.0;
          float2 q = float2((p.x - mid) / abs(cp - 0.5) * 0.5 + mid, p.y);
          float visible = step(abs(n.x * (p.x - left) - 0.5), abs(cp - 0.5));
          return mix(bg, mix(getToColor(q), getFromColor(q), step(cp, 0.5)), visible);
        }
        return mix(bg, getToColor(p), onDivider ? (progress - 1.0 + pause) / pause : 1.0);
      }
      """);

  GridFlip() {
    super(PROGRAM);
  }
}
