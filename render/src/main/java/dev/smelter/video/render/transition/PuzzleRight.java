package dev.smelter.video.render.transition;

/**
 * {@code PuzzleRight}: like {@code GridFlip} with black dividers of width {@code dividerWidth}: tiles
 * flip horizontally from the outgoing to the incoming frame with a random delay per tile.
 */
final class PuzzleRight extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("PuzzleRight", """
      float tileHash(float2 co) { return fract(referenceSin(dot(co, float2(12.9898, 78.233))) * 43758.5453); }

      float edgeDistance(float2 p, float2 n) {
        float2 cell = 1.0 / n;
        float2 pos = floor(n * p);
        float dx = min(abs(p.x - cell.x * pos.x), abs(p.x - cell.x * (pos.x + 1.0)));
        float dy = min(abs(p.y - cell.y * pos.y), abs(p.y - cell.y * (pos.y + 1.0)));
        return min(dx, dy);
      }

      half4 transition(float2 uv) {
        float2 n = floor(size);
        bool onDivider = edgeDistance(uv, n) < dividerWidth;
        half4 black = half4(0.0, 0.0, 0.0, 1.0);
        if (progress < pause) return mix(black, getFromColor(uv), onDivider ? 1.0 - progress / pause : 1.0);
        if (progress < 1.0 - pause) {
          if (onDivider) return black;
          float t = (progress - pause) / (1.0 - pause * 2.0);
          float2 pos = floor(n * uv);
          float cp = smoothstep(0.0, 1.0 - (tileHash(pos) - 0.1), t);
          float tileW = 1.0 / n.x;
          float left = pos.x * tileW;
          float mid = left + tileW / 2.0;
          float2 q = float2((uv.x - mid) / abs(cp - 0.5) * 0.5 + mid, uv.y);
          float visible = step(abs(n.x * (uv.x - left) - 0.5), abs(cp - 0.5));
          return half4(mix(getToColor(q), getFromColor(q), step(cp, 0.5)).rgb * visible, 1.0);
        }
        return mix(black, getToColor(uv), onDivider ? (progress - 1.0 + pause) / pause : 1.0);
      }
      """);

  PuzzleRight() {
    super(PROGRAM);
  }
}
