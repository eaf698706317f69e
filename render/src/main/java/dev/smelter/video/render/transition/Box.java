package dev.smelter.video.render.transition;

/**
 * {@code Box}: a rectangle separates the frames. {@code location} 0 = centred square, 1–4 = anchored at
 * a corner; with {@code rectIn} = 1 the outgoing frame shrinks inside a rectangle of size 1−p, else
 * the incoming frame grows inside one of size p.
 */
final class Box extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Box", """
      half4 transition(float2 uv) {
        bool shrinking = rectIn > 0.5 && rectIn < 1.5;
        float p = shrinking ? 1.0 - progress : progress;
        float loc = floor(location + 0.5);
        float x1; float y1; float x2; float y2;
        if (loc == 0.0) {
          x1 = 0.5 * (1.0 - p); y1 = x1; x2 = 1.0 - x1; y2 = x2;
        } else {
          bool leftSide = loc == 1.0 || loc == 2.0;
          bool lowSide = loc == 1.0 || loc == 3.0;
          x1 = leftSide ? 0.0 : 1.0 - p;
          x2 = leftSide ? p : 1.0;
          y1 = lowSide ? 1.0 - p : 0.0;
          y2 = lowSide ? 1.0 : p;
        }
        float inRect = step(x1, uv.x) * step(uv.x, x2) * step(y1, uv.y) * step(uv.y, y2);
        if (shrinking) inRect = 1.0 - inRect;
        return mix(getFromColor(uv), getToColor(uv), inRect);
      }
      """);

  Box() {
    super(PROGRAM);
  }
}
