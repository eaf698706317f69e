package dev.smelter.video.render.transition;

/**
 * {@code doorway}: the outgoing frame opens like two doors from the vertical centre line (sliding out
 * with a slight perspective), revealing the incoming frame zooming in from {@code depth}, over a black
 * floor with its reflection ({@code reflection}).
 */
final class Doorway extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("doorway", """
      bool within(float2 p) { return p.x > 0.0 && p.y > 0.0 && p.x < 1.0 && p.y < 1.0; }

      half4 transition(float2 p) {
        float2 door = float2(-1.0);
        float slit = 2.0 * abs(p.x - 0.5) - progress;
        if (slit > 0.0) {
          door = p + (p.x > 0.5 ? -1.0 : 1.0) * float2(0.5 * progress, 0.0);
          float d = 1.0 / (1.0 + perspective * progress * (1.0 - slit));
          door.y = (door.y - d / 2.0) * d + d / 2.0;
        }
        float size = mix(1.0, depth, 1.0 - progress);
        float2 inner = (p - 0.5) * size + 0.5;
        if (within(door)) return getFromColor(door);
        if (within(inner)) return getToColor(inner);
        half4 c = half4(0.0, 0.0, 0.0, 1.0);
        float2 mirrored = inner * float2(1.0, -1.2) + float2(0.0, -0.02);
        if (within(mirrored)) c += mix(half4(0.0, 0.0, 0.0, 1.0), getToColor(mirrored), reflection * (1.0 - mirrored.y));
        return c;
      }
      """);

  Doorway() {
    super(PROGRAM);
  }
}
