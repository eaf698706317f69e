package dev.smelter.video.render.transition;

/**
 * {@code directional}: both frames slide together by {@code progress·sign(direction)} of the frame,
 * the incoming one wrapping in behind the outgoing one. Output pixel {@code uv} shows
 * {@code from(fract(uv + p·s))} while {@code uv + p·s} lies inside the frame, else
 * {@code to(fract(uv + p·s))}; so with uv.y = 0 at the top, direction [0,1] moves the content up
 * (Editly's {@code directional-down}).
 *
 * <p>Per pixel, as gl-transitions does it: where the seam falls between pixel centres, a pixel is
 * wholly one frame or the other, each sampled with its edge clamped. Drawn as two translated
 * images instead, the seam row blended the two frames and the wrapped incoming frame blended its
 * opposite edges (up to 112/255 off Editly in that row, fidelity/transition-sweep.sh).
 */
final class Directional extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Directional", """
      half4 transition(float2 uv) {
        float2 p = uv + progress * sign(direction);
        float2 f = fract(p);
        return mix(getToColor(f), getFromColor(f), step(0.0, p.y) * step(p.y, 1.0) * step(0.0, p.x) * step(p.x, 1.0));
      }
      """);

  Directional() {
    super(PROGRAM);
  }
}
