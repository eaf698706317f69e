package dev.smelter.video.render.transition;

/**
 * {@code Slides}: a square-scaled copy of one frame grows or shrinks from an anchor ({@code type} 0–8:
 * edges, corners, centre). With {@code In} the incoming frame grows from size 0 to full, else the
 * outgoing one shrinks to 0. The anchor's vertical sense is flipped (the effect's own y-up logic).
 */
final class Slides extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Slides", """
      half4 transition(float2 uv) {
        bool growing = In > 0.5;
        float s = growing ? progress : 1.0 - progress;
        float h = s / 2.0;
        float kind = floor(type + 0.5);
        float2 o;
        if (kind == 0.0) o = float2(0.5 - h, 0.0);
        else if (kind == 1.0) o = float2(1.0 - s, 0.5 - h);
        else if (kind == 2.0) o = float2(0.5 - h, 1.0 - s);
        else if (kind == 3.0) o = float2(0.0, 0.5 - h);
        else if (kind == 4.0) o = float2(1.0 - s, 0.0);
        else if (kind == 5.0) o = float2(1.0 - s, 1.0 - s);
        else if (kind == 6.0) o = float2(0.0, 1.0 - s);
        else if (kind == 7.0) o = float2(0.0, 0.0);
        else o = float2(0.5 - h, 0.5 - h);
        float2 f = float2(uv.x, 1.0 - uv.y);
        if (f.x >= o.x && f.x <= o.x + s && f.y >= o.y && f.y <= o.y + s) {
          float2 q = float2((f.x - o.x) / s, 1.0 - (f.y - o.y) / s);
          return growing ? getToColor(q) : getFromColor(q);
        }
        return growing ? getFromColor(uv) : getToColor(uv);
      }
      """);

  Slides() {
    super(PROGRAM);
  }
}
