package dev.smelter.video.render.transition;

/**
 * {@code Bounce}: the outgoing frame leaves through the top edge (the effect's "drop" runs along
 * uv.y, which is downwards only in GL's y-up convention), bouncing {@code bounces} times with a
 * decaying height; a shadow band of height {@code shadow_height} in {@code shadow_colour} lies on the
 * incoming frame just below its lower edge and fades away at the very end.
 */
final class Bounce extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("Bounce", """
      half4 transition(float2 uv) {
        const float PI = 3.14159265358;
        float drop = abs(cos(progress * PI * bounces)) * (1.0 - sin(progress * PI / 2.0));
        float d = uv.y - drop;
        float shadowAlpha = shadow_colour.a;
        float shadowFade = mix((d / shadow_height) * shadowAlpha + (1.0 - shadowAlpha), 1.0, smoothstep(0.95, 1.0, progress));
        half4 ground = mix(getToColor(uv), half4(shadow_colour), step(d, shadow_height) * (1.0 - shadowFade));
        return mix(ground, getFromColor(float2(uv.x, uv.y + 1.0 - drop)), step(d, 0.0));
      }
      """);

  Bounce() {
    super(PROGRAM);
  }
}
