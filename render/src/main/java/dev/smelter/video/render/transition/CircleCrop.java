package dev.smelter.video.render.transition;

/**
 * {@code CircleCrop}: a circle (aspect-corrected, centred) shrinks to nothing around the outgoing
 * frame, filling the rest with {@code bgcolor}, then grows again showing the incoming frame. Radius =
 * (2|p − 0.5|)³.
 */
final class CircleCrop extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("CircleCrop", """
      half4 transition(float2 p) {
        float radius = pow(2.0 * abs(progress - 0.5), 3.0);
        float dist = length((p - 0.5) * float2(1.0, 1.0 / ratio));
        half4 shown = progress < 0.5 ? getFromColor(p) : getToColor(p);
        return mix(shown, half4(bgcolor), step(radius, dist));
      }
      """);

  CircleCrop() {
    super(PROGRAM);
  }
}
