package dev.smelter.video.render.transition;

/**
 * {@code BowTieWithParameter}: two triangles with their tips at x = {@code adjust} close in
 * from the top and bottom edges over the first half (showing the incoming frame inside them), then two
 * triangles of the outgoing frame shrink sideways over the second half. {@code reverse} plays it
 * backwards.
 */
final class BowTieWithParameter extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("BowTieWithParameter", """
      float side(float2 a, float2 b, float2 c) { return (a.x - c.x) * (b.y - c.y) - (b.x - c.x) * (a.y - c.y); }

      bool inside(float2 pt, float2 a, float2 b, float2 c) {
        bool s1 = side(pt, a, b) < 0.0;
        bool s2 = side(pt, b, c) < 0.0;
        bool s3 = side(pt, c, a) < 0.0;
        return s1 == s2 && s2 == s3;
      }

      half4 closing(float2 uv, float t) {
        if (uv.y < 0.5) {
          if (inside(uv, float2(0.0, t - 0.5), float2(1.0, t - 0.5), float2(adjust, t))) return getToColor(uv);
        } else {
          if (inside(uv, float2(0.0, 1.5 - t), float2(1.0, 1.5 - t), float2(adjust, 1.0 - t))) return getToColor(uv);
        }
        return getFromColor(uv);
      }

      half4 opening(float2 uv, float t) {
        if (uv.x > adjust) {
          if (inside(uv, float2(t + 0.5, 1.0), float2(t + 0.5, 0.0), float2(mix(adjust, 1.0, 2.0 * (t - 0.5)), 0.5))) return getFromColor(uv);
        } else {
          if (inside(uv, float2(0.5 - t, 1.0), float2(0.5 - t, 0.0), float2(mix(adjust, 0.0, 2.0 * (t - 0.5)), 0.5))) return getFromColor(uv);
        }
        return getToColor(uv);
      }

      half4 transition(float2 uv) {
        if (reverse > 0.5) return progress < 0.5 ? opening(uv, 1.0 - progress) : closing(uv, 1.0 - progress);
        return progress < 0.5 ? closing(uv, progress) : opening(uv, progress);
      }
      """);

  BowTieWithParameter() {
    super(PROGRAM);
  }
}
