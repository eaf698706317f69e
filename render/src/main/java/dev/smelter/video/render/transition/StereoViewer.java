package dev.smelter.video.render.transition;

/**
 * {@code StereoViewer}: the outgoing frame shrinks to {@code zoom} with rounded corners
 * ({@code corner_radius}), splits into two copies that swing apart like a stereo viewer's cards
 * (screen-blended), the incoming frame's cards swing back in, and it grows to full size.
 */
final class StereoViewer extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("StereoViewer", """
      bool inCorner(float2 p, float2 corner, float2 radius) {
        float2 axis = (float2(1.0) - corner) - corner;
        p = (p - (corner + axis * radius)) * axis / radius;
        return (p.x > 0.0 && p.y > -1.0) || (p.y > 0.0 && p.x > -1.0) || dot(p, p) < 1.0;
      }

      bool rounded(float2 p, float2 r) {
        return inCorner(p, float2(0.0, 0.0), r) && inCorner(p, float2(0.0, 1.0), r) && inCorner(p, float2(1.0, 0.0), r) && inCorner(p, float2(1.0, 1.0), r);
      }

      half4 screen(half4 a, half4 b) { return 1.0 - (1.0 - a) * (1.0 - b); }

      half4 unscreen(half4 c) { return 1.0 - sqrt(1.0 - c); }

      half4 card(float2 p, float2 r, float scale, bool incoming) {
        p = (p - 0.5) / scale + 0.5;
        if (!rounded(p, r)) return half4(0.0, 0.0, 0.0, 1.0);
        return incoming ? getToColor(p) : getFromColor(p);
      }

      // The frame rotated by angle about a pivot 2 units to the left (side -1) or right (side +1), in
      // aspect-correct units, with the centre moved to the origin by yScale and back.
      float2 swing(float2 p, float angle, float side, float2 inScale) {
        float2 q = (p - 0.5) * inScale;
        q.x -= 2.0 * side;
        float c = cos(angle); float s = sin(angle);
        q = float2(c * q.x - s * q.y, s * q.x + c * q.y);
        q.x += 2.0 * side;
        q.y *= ratio;
        return q + 0.5;
      }

      half4 transition(float2 p) {
        float2 r = float2(corner_radius / ratio, corner_radius);
        half4 black = half4(0.0, 0.0, 0.0, 1.0);
        if (progress <= 0.0) return getFromColor(p);
        if (progress < 0.1) {
          float a = progress / 0.1;
          return card(p, r * a, 1.0 - a + zoom * a, false);
        }
        if (progress < 0.48) {
          float a = (progress - 0.1) / 0.38;
          float angle = a * a / 2.4;
          float2 inScale = float2(1.0, 1.0 / ratio);
          half4 left = black;
          float2 pa = swing(p, angle, -1.0, inScale);
          float2 qa = (pa - 0.5) / zoom + 0.5;
          if (rounded(qa, r)) left = unscreen(getFromColor(qa));
          half4 right = black;
          float2 pb = swing(p, angle, 1.0, inScale);
          float2 qb = (pb - 0.5) / zoom + 0.5;
          if (rounded(qb, r)) right = unscreen(getFromColor(qb));
          return screen(left, right);
        }
        if (progress < 0.9) {
          float a = 1.0 - (progress - 0.52) / 0.38;
          float angle = a * a / 2.4;
          float2 inScale = float2(1.0 / zoom, 1.0 / (zoom * ratio));
          bool maskA = rounded(swing(p, angle, -1.0, inScale), r);
          bool maskB = rounded(swing(p, angle, 1.0, inScale), r);
          if (!(maskA || maskB)) return black;
          float2 q = (p - 0.5) / zoom + 0.5;
          half4 img = rounded(q, r) ? unscreen(getToColor(q)) : black;
          return screen(maskA ? img : black, maskB ? img : black);
        }
        if (progress < 1.0) {
          float a = (1.0 - progress) / 0.1;
          return card(p, r * a, 1.0 - a + zoom * a, true);
        }
        return getToColor(p);
      }
      """);

  StereoViewer() {
    super(PROGRAM);
  }
}
