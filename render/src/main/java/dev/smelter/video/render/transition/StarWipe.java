package dev.smelter.video.render.transition;

/**
 * {@code StarWipe}: a five-pointed star centred on {@code star_center} (rotated by
 * {@code star_rotation}·72°) grows from nothing to cover the frame, showing the incoming frame
 * inside, with a {@code border_color} rim of width {@code border_thickness}.
 */
final class StarWipe extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("StarWipe", """
      float2 turn(float2 v, float a) { float c = cos(a); float s = sin(a); return float2(c * v.x - s * v.y, s * v.x + c * v.y); }

      bool inStar(float2 uv, float radius) {
        const float PI = 3.141592653589793;
        const float POINT = 1.2566370614359172; // 72 degrees
        float2 d = turn(uv - star_center, star_rotation * POINT);
        float sector = floor((atan(d.y, d.x) + PI) / POINT);
        float2 r = turn(d, -POINT * (sector + 0.5));
        return r.y > 0.0 ? radius + r.x * 0.3 > r.y : -radius - r.x * 0.3 < r.y;
      }

      half4 transition(float2 uv) {
        float radius = (2.0 * border_thickness + 1.0) * progress - border_thickness;
        if (inStar(uv, radius)) return getToColor(uv);
        if (inStar(uv, radius + border_thickness)) return half4(border_color);
        return getFromColor(uv);
      }
      """);

  StarWipe() {
    super(PROGRAM);
  }
}
