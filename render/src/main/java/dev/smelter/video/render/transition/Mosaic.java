package dev.smelter.video.render.transition;

/**
 * {@code Mosaic}: the picture becomes a plane of randomly rotated tiles of both frames which zooms out
 * (×3 at the midpoint) and pans to tile ({@code endx}, {@code endy}), which shows the incoming frame.
 */
final class Mosaic extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Mosaic", """
      float tileHash(float2 v) { return fract(referenceSin(dot(v, float2(12.9898, 78.233))) * 43758.5453); }

      half4 transition(float2 uv) {
        const float PI = 3.14159265358979323;
        float2 p = uv - 0.5;
        float r = progress * 2.0 - 1.0;
        float zoom = abs(3.0 - r * r * 2.0);
        float pan = -cos(progress * PI) / 2.0 + 0.5;
        float2 end = floor(float2(endx, endy) + 0.5);
        float2 rp = p * zoom + mix(float2(0.5), end + 0.5, pan * pan);
        float2 tile = floor(rp);
        float2 local = mod(rp, 1.0);
        bool isEnd = tile.x == end.x && tile.y == end.y;
        if (!isEnd) {
          float angle = floor(tileHash(tile) * 4.0) * 0.5 * PI;
          float c = cos(angle); float s = sin(angle);
          float2 d = local - 0.5;
          local = 0.5 + float2(c * d.x + s * d.y, -s * d.x + c * d.y);
        }
        return (isEnd || tileHash(tile) > 0.5) ? getToColor(local) : getFromColor(local);
      }
      """);

  Mosaic() {
    super(PROGRAM);
  }
}
