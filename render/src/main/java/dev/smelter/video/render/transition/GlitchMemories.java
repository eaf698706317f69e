package dev.smelter.video.render.transition;

/**
 * {@code GlitchMemories}: an RGB-split cross-fade. The effect's "blocks" are 16 uv units wide, so the
 * whole frame is one block and shares one pseudo-random offset, which jumps with progress and decays
 * to 0; red, green and blue are sampled at 0.2, 0.3 and 0.5 of that offset.
 */
final class GlitchMemories extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("GlitchMemories", """
      half4 transition(float2 p) {
        float2 noiseUv = floor(p / 16.0) / 64.0 + floor(float2(progress) * float2(1200.0, 3500.0)) / 64.0;
        float2 shift = progress > 0.0 ? (fract(noiseUv) - 0.5) * 0.3 * (1.0 - progress) : float2(0.0);
        float2 pr = p + shift * 0.2;
        float2 pg = p + shift * 0.3;
        float2 pb = p + shift * 0.5;
        return half4(mix(getFromColor(pr), getToColor(pr), progress).r,
                     mix(getFromColor(pg), getToColor(pg), progress).g,
                     mix(getFromColor(pb), getToColor(pb), progress).b, 1.0);
      }
      """);

  GlitchMemories() {
    super(PROGRAM);
  }
}
