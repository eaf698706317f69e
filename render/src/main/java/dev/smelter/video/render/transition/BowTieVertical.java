package dev.smelter.video.render.transition;

/**
 * {@code BowTieVertical}: two triangles with their bases on the top and bottom edges grow towards the
 * centre (tips at y = p and 1 − p), showing the incoming frame inside, with a 0.005-wide soft rim;
 * nothing shows before progress 0.1 on the top one.
 */
final class BowTieVertical extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("BowTieVertical", """
      float side(float2 a, float2 b, float2 c) { return (a.x - c.x) * (b.y - c.y) - (b.x - c.x) * (a.y - c.y); }

      bool inside(float2 pt, float2 a, float2 b, float2 c) {
        bool s1 = side(pt, a, b) < 0.0;
        bool s2 = side(pt, b, c) < 0.0;
        bool s3 = side(pt, c, a) < 0.0;
        return s1 == s2 && s2 == s3;
      }

      // 0 on the triangle's two slanted edges (tip to each base corner), 1 from 0.005 away: a soft rim.
      float rim(float2 base1, float2 base2, float2 tip, float2 pt) {
        float2 e1 = base1 - tip;
        float d1 = abs(dot(normalize(float2(e1.y, -e1.x)), base1 - pt));
        float2 e2 = base2 - tip;
        float d = min(abs(dot(normalize(float2(e2.y, -e2.x)), base2 - pt)), d1);
        return d < 0.005 ? d / 0.005 : 1.0;
      }

      half4 transition(float2 uv) {
        float2 tt = float2(0.5, progress), t1 = float2(0.5 - progress, 0.0), t2 = float2(0.5 + progress, 0.0);
        float2 bt = float2(0.5, 1.0 - progress), b1 = float2(0.5 - progress, 1.0), b2 = float2(0.5 + progress, 1.0);
        if (inside(uv, tt, t1, t2)) {
          if (progress < 0.1) return getFromColor(uv);
          if (uv.y < 0.5) return mix(getFromColor(uv), getToColor(uv), rim(t1, t2, tt, uv));
          return progress > 0.0 ? getToColor(uv) : getFromColor(uv);
        }
        if (inside(uv, bt, b1, b2)) {
          if (uv.y >= 0.5) return mix(getFromColor(uv), getToColor(uv), rim(b1, b2, bt, uv));
          return getFromColor(uv);
        }
        return getFromColor(uv);
      }
      """);

  BowTieVertical() {
    super(PROGRAM);
  }
}
