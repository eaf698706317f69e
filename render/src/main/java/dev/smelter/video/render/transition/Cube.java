package dev.smelter.video.render.transition;

/**
 * {@code cube}: the frames are two faces of a cube turning from right to left (perspective
 * {@code persp}, zooming out by {@code unzoom} at the midpoint), floating {@code floating}% above a
 * black floor with their reflections ({@code reflection}).
 */
final class Cube extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("cube", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      float2 skew(float2 p, float perspective, float centre) {
        float x = mix(p.x, 1.0 - p.x, centre);
        float away = distance(centre, 0.5);
        float2 q = float2(x, (p.y - 0.5 * (1.0 - perspective) * x) / (1.0 + (perspective - 1.0) * x)) - float2(0.5 - away, 0.0);
        return q * float2(0.5 / away * (centre < 0.5 ? 1.0 : -1.0), 1.0) + float2(centre < 0.5 ? 0.0 : 1.0, 0.0);
      }

      half4 transition(float2 op) {
        float uz = unzoom * 2.0 * (0.5 - distance(0.5, progress));
        float2 p = -uz * 0.5 + (1.0 + uz) * op;
        float2 a = skew((p - float2(progress, 0.0)) / float2(1.0 - progress, 1.0), 1.0 - mix(progress, 0.0, persp), 0.0);
        float2 b = skew(p / float2(progress, 1.0), mix(pow(progress, 2.0), 1.0, persp), 1.0);
        if (within(a)) return getFromColor(a);
        if (within(b)) return getToColor(b);
        half4 c = half4(0.0, 0.0, 0.0, 1.0);
        float2 ma = a * float2(1.0, -1.2) + float2(0.0, -floating / 100.0);
        if (within(ma)) c += getFromColor(ma) * (reflection * (1.0 - ma.y));
        float2 mb = b * float2(1.0, -1.2) + float2(0.0, -floating / 100.0);
        if (within(mb)) c += getToColor(mb) * (reflection * (1.0 - mb.y));
        return c;
      }
      """);

  Cube() {
    super(PROGRAM);
  }
}
