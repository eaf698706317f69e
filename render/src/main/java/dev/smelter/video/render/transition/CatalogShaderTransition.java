package dev.smelter.video.render.transition;

import dev.smelter.video.plan.TransitionParams;
import dev.smelter.video.spec.transition.TransitionCatalog;
import io.github.humbleui.skija.RuntimeEffectBuilder;
import java.util.Locale;

/**
 * A {@link ShaderTransition} whose program takes every declared gl-transitions param as a uniform
 * of the same name (see {@link SkslProgram#withCatalogParams}). Each param is bound from the plan's
 * merged params, falling back to the catalog default, and padded or cut to the declared size. Most
 * are this class as is, with a program from {@link TransitionShaders}; a subclass adds per-frame
 * uniforms computed on the CPU.
 */
class CatalogShaderTransition extends ShaderTransition {
  private final SkslProgram program;
  private final TransitionCatalog.Entry entry;

  CatalogShaderTransition(SkslProgram program) {
    this.program = program;
    this.entry = TransitionCatalog.find(program.name()).orElseThrow();
  }

  @Override
  public final String name() {
    return entry.name().toLowerCase(Locale.ROOT);
  }

  @Override
  protected final SkslProgram program() {
    return program;
  }

  @Override
  protected final void setParams(RuntimeEffectBuilder uniforms, TransitionParams params) {
    for (TransitionCatalog.Param param : entry.params().values()) {
      double[] given = params.vector(param.name(), param.defaults());
      float[] value = new float[param.size()];
      for (int i = 0; i < value.length; i++) value[i] = (float) (i < given.length ? given[i] : param.defaults()[i]);
      uniforms.setUniform(param.name(), value);
    }
  }
}
