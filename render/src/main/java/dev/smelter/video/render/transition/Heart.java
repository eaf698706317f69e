package dev.smelter.video.render.transition;

/**
 * {@code heart}: the incoming frame appears inside a heart curve centred at (0.5, 0.4) whose size grows
 * with progress. The curve is the implicit heart (x²+y²−0.3)³ ≤ x²y³ in y-down coordinates, so with
 * Editly's orientation it shows upside down.
 */
final class Heart extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("heart", """
      half4 transition(float2 uv) {
        float inside = 0.0;
        if (progress != 0.0) {
          float2 o = (uv - float2(0.5, 0.4)) / (1.6 * progress);
          float a = o.x * o.x + o.y * o.y - 0.3;
          inside = step(a * a * a, o.x * o.x * o.y * o.y * o.y);
        }
        return mix(getFromColor(uv), getToColor(uv), inside);
      }
      """);

  Heart() {
    super(PROGRAM);
  }
}
