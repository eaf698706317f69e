package dev.smelter.video.render.transition;

/**
 * {@code Rolls}: the outgoing frame rotates a quarter turn away about one corner ({@code type} 0–3 picks
 * the corner, {@code RotDown} the sense), uncovering the incoming frame. Rotation is done in
 * aspect-correct units.
 */
final class Rolls extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Rolls", """
      half4 transition(float2 uv) {
        const float PI = 3.14159265358979323846;
        float kind = floor(type + 0.5);
        bool down = RotDown > 0.5;
        float theta;
        float2 q;
        if (kind == 0.0) { theta = (down ? PI : -PI) / 2.0 * progress; q = float2(1.0 - uv.x, uv.y); }
        else if (kind == 1.0) { theta = (down ? PI : -PI) / 2.0 * progress; q = uv; }
        else if (kind == 2.0) { theta = (down ? -PI : PI) / 2.0 * progress; q = float2(uv.x, 1.0 - uv.y); }
        else { theta = (down ? -PI : PI) / 2.0 * progress; q = 1.0 - uv; }
        float c = cos(theta); float s = sin(theta);
        float2 size = float2(ratio, 1.0);
        float2 r = float2(q.x * size.x * c - q.y * size.y * s, q.x * size.x * s + q.y * size.y * c);
        if (r.x >= 0.0 && r.x <= size.x && r.y >= 0.0 && r.y <= size.y) {
          r /= size;
          if (kind == 0.0) r.x = 1.0 - r.x;
          else if (kind == 2.0) r.y = 1.0 - r.y;
          else if (kind == 3.0) r = 1.0 - r;
          return getFromColor(r);
        }
        return getToColor(uv);
      }
      """);

  Rolls() {
    super(PROGRAM);
  }
}
