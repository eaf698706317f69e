package dev.smelter.video.render.transition;

/**
 * {@code EdgeTransition}: the outgoing frame turns into its own edge map (a Sobel-like gradient of the
 * 3×3 neighbourhood {@code edge_thickness} apart, times {@code edge_brightness}, tinting the pixel)
 * during the first half, which cross-fades into the incoming frame's edge map, which turns back into
 * the incoming frame during the second half.
 */
final class EdgeTransition extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("EdgeTransition", """
      half4 edges(float2 uv, bool incoming) {
        float3 c[9];
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            float2 q = uv + edge_thickness * float2(float(i) - 1.0, float(j) - 1.0);
            c[3 * i + j] = float3((incoming ? getToColor(q) : getFromColor(q)).rgb);
          }
        }
        float3 dx = 2.0 * abs(c[7] - c[1]) + abs(c[2] - c[6]) + abs(c[8] - c[0]);
        float3 dy = 2.0 * abs(c[3] - c[5]) + abs(c[6] - c[8]) + abs(c[0] - c[2]);
        float strength = length(0.25 * (dx + dy) * 0.5);
        return half4(half3(clamp(edge_brightness * strength, 0.0, 1.0) * c[4]), 1.0);
      }

      half4 transition(float2 uv) {
        half4 start = mix(getFromColor(uv), edges(uv, false), clamp(2.0 * progress, 0.0, 1.0));
        half4 end = mix(edges(uv, true), getToColor(uv), clamp(2.0 * (progress - 0.5), 0.0, 1.0));
        return mix(start, end, progress);
      }
      """);

  EdgeTransition() {
    super(PROGRAM);
  }
}
