package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.RuntimeEffectBuilder;

/**
 * {@code directionalwarp}: a soft edge (width {@code smoothness}) travels along {@code direction};
 * the outgoing frame is squeezed towards the centre as the edge passes (sampled at
 * {@code (uv−0.5)·(1−m)+0.5}), the incoming one expands from it ({@code (uv−0.5)·m+0.5}), mixed by
 * m. The direction is normalised to unit L1 length so the edge crosses the frame exactly once
 * during progress 0 → 1.
 */
final class DirectionalWarp extends ShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.transition("directionalwarp", """
      uniform float2 direction;
      uniform float smoothness;

      half4 transition(float2 uv) {
        float2 v = direction / (abs(direction.x) + abs(direction.y));
        float centre = dot(v, float2(0.5));
        float edge = centre - 0.5 + progress * (1.0 + smoothness);
        float m = 1.0 - smoothstep(-smoothness, 0.0, dot(v, uv) - edge);
        return mix(getFromColor((uv - 0.5) * (1.0 - m) + 0.5), getToColor((uv - 0.5) * m + 0.5), m);
      }
      """);

  @Override
  public String name() {
    return "directionalwarp";
  }

  @Override
  protected SkslProgram program() {
    return PROGRAM;
  }

  @Override
  protected void setParams(RuntimeEffectBuilder uniforms, TransitionParams params) {
    float[] direction = vec2(params, "direction", -1, 1);
    if (direction[0] == 0 && direction[1] == 0) direction = new float[] {-1, 1}; // no direction: keep the default
    uniforms.setUniform("direction", direction[0], direction[1]);
    // smoothstep needs distinct edges
    uniforms.setUniform("smoothness", (float) Math.max(params.scalar("smoothness", 0.1), 1e-4));
  }
}
