package dev.smelter.video.render.transition;

/**
 * {@code swap}: the two frames swap places like cards: the outgoing one recedes to the left (perspective
 * {@code perspective}, depth {@code depth}) while the incoming one comes forward from the right, over
 * a black floor with their reflections ({@code reflection}).
 */
final class Swap extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("swap", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 p) {
        float size = mix(1.0, depth, progress);
        float persp = perspective * progress;
        float2 a = (p - float2(0.0, 0.5)) * float2(size / (1.0 - perspective * progress), size / (1.0 - size * persp * p.x)) + float2(0.0, 0.5);
        size = mix(1.0, depth, 1.0 - progress);
        persp = perspective * (1.0 - progress);
        float2 b = (p - float2(1.0, 0.5)) * float2(size / (1.0 - perspective * (1.0 - progress)), size / (1.0 - size * persp * (0.5 - p.x))) + float2(1.0, 0.5);
        if (progress < 0.5) {
          if (within(a)) return getFromColor(a);
          if (within(b)) return getToColor(b);
        }
        if (within(b)) return getToColor(b);
        if (within(a)) return getFromColor(a);
        half4 black = half4(0.0, 0.0, 0.0, 1.0);
        half4 c = black;
        float2 ma = a * float2(1.0, -1.2) + float2(0.0, -0.02);
        if (within(ma)) c += mix(black, getFromColor(ma), reflection * (1.0 - ma.y));
        float2 mb = b * float2(1.0, -1.2) + float2(0.0, -0.02);
        if (within(mb)) c += mix(black, getToColor(mb), reflection * (1.0 - mb.y));
        return c;
      }
      """);

  Swap() {
    super(PROGRAM);
  }
}
