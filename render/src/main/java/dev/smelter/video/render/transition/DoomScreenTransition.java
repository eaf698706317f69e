package dev.smelter.video.render.transition;

/**
 * {@code DoomScreenTransition}: the outgoing frame melts downwards in {@code bars} vertical strips,
 * each falling at its own speed (1 + amplitude·offset, offset = a wave over the bar index mixed with
 * {@code noise}·hash plus a sine "drip" profile), uncovering the incoming frame.
 */
final class DoomScreenTransition extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("DoomScreenTransition", """
      float barHash(float n) { return fract(mod(n * 67123.313, 12.0) * referenceSin(n * 10.3) * referenceCos(n)); }

      float barWave(float n) {
        float f = n * frequency * 0.1 * bars;
        return cos(f * 0.5) * cos(f * 0.13) * sin((f + 10.0) * 0.3) / 2.0 + 0.5;
      }

      float barOffset(float n) {
        float w = noise == 0.0 ? barWave(n) : mix(barWave(n), barHash(n), noise);
        float d = dripScale == 0.0 ? 0.0 : sin(n / (bars - 1.0) * 3.141592) * dripScale;
        return w + d;
      }

      half4 transition(float2 uv) {
        float bar = floor(uv.x * bars);
        float fall = progress * (1.0 + barOffset(bar) * amplitude);
        if (fall + uv.y < 1.0) return getFromColor(float2(uv.x, uv.y + fall));
        return getToColor(uv);
      }
      """);

  DoomScreenTransition() {
    super(PROGRAM);
  }
}
