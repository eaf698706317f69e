package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffectBuilder;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.Rect;

/**
 * A transition computed per pixel by an SkSL program, with the two frames as child shaders
 * (stretched to the frame, clamped at the edges and linearly filtered, like gl-transition's
 * textures).
 */
abstract class ShaderTransition implements Transition {
  /** The compiled program (one per transition, shared process-wide). */
  protected abstract SkslProgram program();

  /** Sets the transition's own uniforms from its params (defaults per gl-transitions 1.71.0). */
  protected abstract void setParams(RuntimeEffectBuilder uniforms, TransitionParams params);

  @Override
  public final void draw(Canvas canvas, Image from, Image to, double progress, TransitionParams params, int width, int height) {
    SkslProgram program = Blending.isRaster(canvas) ? program() : program().plainUv();
    try (RuntimeEffectBuilder builder = new RuntimeEffectBuilder(program.effect());
        Shader fromShader = stretched(from, width, height);
        Shader toShader = stretched(to, width, height)) {
      builder.setUniform("resolution", (float) width, (float) height);
      builder.setUniform("progress", (float) progress);
      builder.setUniform("ratio", (float) width / height);
      setParams(builder, params);
      setFrameUniforms(builder, params, (float) progress);
      builder.setChild("fromImage", fromShader);
      builder.setChild("toImage", toShader);
      try (Shader uvTable = program.usesReferenceUv() ? ReferenceUv.table(width, height) : null) {
        if (uvTable != null) builder.setChild("referenceUv", uvTable);
        try (Shader shader = builder.makeShader(); Paint paint = new Paint().setShader(shader)) {
          canvas.clear(0);
          canvas.drawRect(Rect.makeWH(width, height), paint);
        }
      }
    }
  }

  private static Shader stretched(Image image, int width, int height) {
    return image.makeShader(FilterTileMode.CLAMP, FilterTileMode.CLAMP, Blending.LINEAR, Blending.stretch(image, width, height));
  }

  /**
   * Sets uniforms that are the same for every pixel of a frame but costly per pixel (seeded random
   * positions and the like), computed once here instead; none by default.
   */
  protected void setFrameUniforms(RuntimeEffectBuilder uniforms, TransitionParams params, float progress) {}

  /** A 2-vector param with its default. */
  static float[] vec2(TransitionParams params, String name, double defaultX, double defaultY) {
    double[] v = params.vector(name, defaultX, defaultY);
    return new float[] {(float) v[0], (float) (v.length > 1 ? v[1] : defaultY)};
  }
}
