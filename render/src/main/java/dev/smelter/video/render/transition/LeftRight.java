package dev.smelter.video.render.transition;

/**
 * {@code LeftRight}: the incoming frame slides in from the right over the outgoing frame, which
 * shrinks slightly about its centre and darkens; black where neither covers.
 */
final class LeftRight extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("LeftRight", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float zoom = mix(1.0, 3.0, progress * 0.2);
        float2 incoming = uv - float2(1.0 - progress, 0.0);
        float2 outgoing = (uv - 0.5) * zoom + 0.5;
        if (within(incoming)) return getToColor(incoming);
        if (within(outgoing)) return getFromColor(outgoing) * (1.0 - progress);
        return half4(0.0, 0.0, 0.0, 1.0);
      }
      """);

  LeftRight() {
    super(PROGRAM);
  }
}
