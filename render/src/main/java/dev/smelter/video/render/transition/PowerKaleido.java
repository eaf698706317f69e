package dev.smelter.video.render.transition;

/**
 * {@code powerKaleido}: the (aspect-corrected, {@code z}-scaled) picture spins at {@code speed} and is
 * folded ten times across the three sides of a triangle ({@code scale}/10 from the centre), then
 * mirrored back into the frame; the folded image blends in and out (cos²) while the frames
 * cross-fade on a cosine.
 */
final class PowerKaleido extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("powerKaleido", """
      float2 reflectAbout(float2 p, float2 n) { return 2.0 * n * dot(p, n) - p; }

      float2 spin(float2 p, float2 o, float a) {
        float s = sin(a); float c = cos(a);
        float2 d = p - o;
        return o + float2(c * d.x + s * d.y, -s * d.x + c * d.y);
      }

      half4 transition(float2 uv) {
        const float PI = 3.14159265358979;
        const float SIDE = 2.0943951; // 120 degrees between the triangle's sides
        float dist = scale / 10.0;
        float2 p = uv - 0.5;
        p.x *= ratio;
        p *= z;
        p = spin(p, float2(0.0), progress * speed);
        for (int iter = 0; iter < 10; iter++) {
          for (int k = 0; k < 3; k++) {
            float a = float(k) * SIDE;
            bool facing = cos(a) > 0.0;
            float lhs = p.y - dist * cos(a);
            float rhs = tan(a) * (p.x + dist * sin(a));
            if ((facing && lhs > rhs) || (!facing && lhs < rhs)) {
              p = reflectAbout(float2(p.x + sin(a) * dist * 2.0, p.y - cos(a) * dist * 2.0), float2(cos(a), sin(a)));
            }
          }
        }
        p += 0.5;
        p = spin(p, float2(0.5), -progress * speed);
        p -= 0.5;
        p.x /= ratio;
        p += 0.5;
        p = 2.0 * abs(p / 2.0 - floor(p / 2.0 + 0.5));
        float2 q = mix(p, uv, cos(progress * PI * 2.0) / 2.0 + 0.5);
        return mix(getFromColor(q), getToColor(q), cos((progress - 1.0) * PI) / 2.0 + 0.5);
      }
      """);

  PowerKaleido() {
    super(PROGRAM);
  }
}
