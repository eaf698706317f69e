package dev.smelter.video.render.transition;

/**
 * {@code rotate_scale_fade}: the picture spins {@code rotations} turns about {@code center} and
 * shrinks to 1/{@code scale} at the midpoint while the frames cross-fade; outside it is
 * {@code backColor}.
 */
final class RotateScaleFade extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("rotate_scale_fade", """
      half4 transition(float2 uv) {
        float2 d = uv - center;
        float dist = length(d);
        float2 dir = d / dist;
        float angle = 2.0 * 3.14159265359 * rotations * progress;
        float c = cos(angle); float s = sin(angle);
        float currentScale = mix(scale, 1.0, 2.0 * abs(progress - 0.5));
        float2 q = center + float2(dir.x * c - dir.y * s, dir.x * s + dir.y * c) * dist / currentScale;
        if (q.x < 0.0 || q.x > 1.0 || q.y < 0.0 || q.y > 1.0) return half4(backColor);
        return mix(getFromColor(q), getToColor(q), progress);
      }
      """);

  RotateScaleFade() {
    super(PROGRAM);
  }
}
