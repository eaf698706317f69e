package dev.smelter.video.render.transition;

/**
 * {@code RotateScaleVanish}: the outgoing frame spins a full turn while shrinking to a point and
 * fading, over the incoming frame (or over black that fades into it with {@code FadeInSecond});
 * {@code ReverseEffect} plays it the other way, {@code ReverseRotation} flips the spin.
 */
final class RotateScaleVanish extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("RotateScaleVanish", """
      half4 transition(float2 uv) {
        bool reversed = ReverseEffect > 0.5;
        float t = reversed ? 1.0 - progress : progress;
        float theta = (ReverseRotation > 0.5 ? 6.283185307179586 : -6.283185307179586) * t;
        float c = cos(theta); float s = sin(theta);
        float radius = max(0.00001, 1.0 - t);
        float2 size = float2(ratio, 1.0);
        float2 d = (uv - 0.5) * size;
        float2 r = float2(d.x * c - d.y * s, d.x * s + d.y * c) / radius + size / 2.0;
        half4 target = reversed ? getFromColor(uv) : getToColor(uv);
        half4 spinning;
        if (r.x >= 0.0 && r.x <= size.x && r.y >= 0.0 && r.y <= size.y) {
          r /= size;
          spinning = reversed ? getToColor(r) : getFromColor(r);
        } else {
          spinning = FadeInSecond > 0.5 ? half4(0.0, 0.0, 0.0, 1.0) : target;
        }
        return (1.0 - t) * spinning + t * target;
      }
      """);

  RotateScaleVanish() {
    super(PROGRAM);
  }
}
