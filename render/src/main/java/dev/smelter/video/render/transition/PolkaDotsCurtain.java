package dev.smelter.video.render.transition;

/**
 * {@code PolkaDotsCurtain}: the incoming frame appears through a grid of {@code dots}×{@code dots}
 * growing dots, whose radius is progress divided by the distance from {@code center}.
 */
final class PolkaDotsCurtain extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("PolkaDotsCurtain", """
      half4 transition(float2 uv) {
        bool through = distance(fract(uv * dots), float2(0.5)) < progress / distance(uv, center);
        return through ? getToColor(uv) : getFromColor(uv);
      }
      """);

  PolkaDotsCurtain() {
    super(PROGRAM);
  }
}
