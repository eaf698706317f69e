package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.RuntimeEffectBuilder;

/**
 * {@code crosswarp}: a soft front sweeps left to right; behind it the outgoing frame has shrunk
 * into the centre and the incoming one has grown out of it. Per column, the front value
 * {@code x = smoothstep(0, 1, 2p + uv.x − 1)} scales the outgoing frame by 1−x and the incoming one
 * by x about the centre and mixes them by x.
 */
final class CrossWarp extends ShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.transition("crosswarp", """
      half4 transition(float2 uv) {
        float front = smoothstep(0.0, 1.0, progress * 2.0 + uv.x - 1.0);
        half4 outgoing = getFromColor((uv - 0.5) * (1.0 - front) + 0.5);
        half4 incoming = getToColor((uv - 0.5) * front + 0.5);
        return mix(outgoing, incoming, front);
      }
      """);

  @Override
  public String name() {
    return "crosswarp";
  }

  @Override
  protected SkslProgram program() {
    return PROGRAM;
  }

  @Override
  protected void setParams(RuntimeEffectBuilder uniforms, TransitionParams params) {}
}
