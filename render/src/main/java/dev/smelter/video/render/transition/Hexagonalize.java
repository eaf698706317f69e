package dev.smelter.video.render.transition;

/**
 * {@code hexagonalize}: both frames are sampled at hexagon centres (pointy-top hexagons, about
 * {@code horizontalHexagons} across, growing to the midpoint in {@code steps} steps and shrinking back)
 * while they cross-fade.
 */
final class Hexagonalize extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("hexagonalize", """
      float3 roundCube(float q, float r) {
        float s = -q - r;
        float rq = floor(q + 0.5); float rr = floor(r + 0.5); float rs = floor(s + 0.5);
        float dq = abs(rq - q); float dr = abs(rr - r); float ds = abs(rs - s);
        if (dq > dr && dq > ds) rq = -rr - rs;
        else if (dr > ds) rr = -rq - rs;
        return float3(rq, rr, 0.0);
      }

      half4 transition(float2 uv) {
        float dist = 2.0 * min(progress, 1.0 - progress);
        if (steps > 0.0) dist = ceil(dist * steps) / steps;
        float size = (sqrt(3.0) / 3.0) * dist / horizontalHexagons;
        float2 point = uv;
        if (dist > 0.0) {
          float2 pt = (float2(uv.x, uv.y / ratio) - 0.5) / size;
          float3 hex = roundCube((sqrt(3.0) / 3.0) * pt.x - pt.y / 3.0, 2.0 / 3.0 * pt.y);
          float x = (sqrt(3.0) * hex.x + (sqrt(3.0) / 2.0) * hex.y) * size + 0.5;
          float y = (1.5 * hex.y) * size + 0.5;
          point = float2(x, y * ratio);
        }
        return mix(getFromColor(point), getToColor(point), progress);
      }
      """);

  Hexagonalize() {
    super(PROGRAM);
  }
}
