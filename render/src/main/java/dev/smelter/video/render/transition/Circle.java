package dev.smelter.video.render.transition;

/**
 * {@code circle}: the outgoing frame shrinks to a circle around {@code center} (radius
 * √8·|p−0.5|) on {@code backColor}, then the incoming frame grows back out of it.
 */
final class Circle extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("circle", """
      half4 transition(float2 uv) {
        float radius = sqrt(8.0) * abs(progress - 0.5);
        if (length(uv - center) > radius) return half4(half3(backColor), 1.0);
        return progress < 0.5 ? getFromColor(uv) : getToColor(uv);
      }
      """);

  Circle() {
    super(PROGRAM);
  }
}
