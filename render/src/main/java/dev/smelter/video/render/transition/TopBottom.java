package dev.smelter.video.render.transition;

/**
 * {@code TopBottom}: the incoming frame slides down over the outgoing one from the top edge (Editly's
 * orientation, uv.y = 0 at the top), while the outgoing frame shrinks slightly and darkens; black
 * where neither covers.
 */
final class TopBottom extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("TopBottom", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 uv) {
        float zoom = mix(1.0, 3.0, progress * 0.2);
        float2 incoming = uv + float2(0.0, 1.0 - progress);
        float2 outgoing = (uv - 0.5) * zoom + 0.5;
        if (within(incoming)) return getToColor(incoming);
        if (within(outgoing)) return getFromColor(outgoing) * (1.0 - progress);
        return half4(0.0, 0.0, 0.0, 1.0);
      }
      """);

  TopBottom() {
    super(PROGRAM);
  }
}
