package dev.smelter.video.render.transition;

/**
 * {@code Rectangle}: a centred rectangle of {@code bgcolor} grows over the outgoing frame, then shrinks
 * away from the incoming one (switch at the midpoint).
 */
final class Rectangle extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Rectangle", """
      half4 transition(float2 p) {
        float s = pow(2.0 * abs(progress - 0.5), 3.0);
        float edge = abs(1.0 - 2.0 * progress);
        float2 lo = step(float2(edge), p + 0.25);
        float2 hi = step(float2(edge), 1.25 - p);
        float inBox = lo.x * lo.y * hi.x * hi.y;
        half4 shown = progress < 0.5 ? getFromColor(p) : getToColor(p);
        return mix(shown, half4(bgcolor), step(s, inBox));
      }
      """);

  Rectangle() {
    super(PROGRAM);
  }
}
