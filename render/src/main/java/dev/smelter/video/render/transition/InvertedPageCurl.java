package dev.smelter.video.render.transition;

/**
 * {@code InvertedPageCurl}: the outgoing frame curls away like a page rolled on a cylinder (radius
 * 1/2π) whose axis, tilted 100°, sweeps across the frame from the bottom-left; the page's back side
 * shows a washed-out grey of the picture, and soft shadows fall on the incoming frame beneath.
 */
final class InvertedPageCurl extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("InvertedPageCurl", """
      const float PI = 3.141592653589793;
      const float RADIUS = 0.15915494309189535; // 1 / (2 pi)

      float curlAmount() { return progress * 1.66 - 0.16; }

      // Frame to cylinder space: rotate by -100 degrees and offset (the curl's fixed placement).
      float3 toCurl(float2 p) {
        float c = cos(-100.0 * PI / 180.0); float s = sin(-100.0 * PI / 180.0);
        return float3(c * p.x - s * p.y - 0.801, s * p.x + c * p.y + 0.89, 1.0);
      }

      // Cylinder space back to the frame, after wrapping onto the cylinder at hitAngle.
      float3 fromCurl(float3 point, float hitAngle) {
        point.y = hitAngle / (2.0 * PI);
        float c = cos(100.0 * PI / 180.0); float s = sin(100.0 * PI / 180.0);
        return float3(c * point.x - s * point.y + 0.985, s * point.x + c * point.y + 0.985, 1.0);
      }

      half4 blendEdge(half4 inner, half4 outer, float dist) {
        dist *= 512.0;
        if (dist < 0.0) return outer;
        if (dist > 2.0) return inner;
        return (outer - inner) * pow(1.0 - dist / 2.0, 3.0) + inner;
      }

      float edgeDistance(float3 point) {
        float dx = abs(point.x > 0.5 ? 1.0 - point.x : point.x);
        float dy = abs(point.y > 0.5 ? 1.0 - point.y : point.y);
        if (point.x < 0.0) dx = -point.x;
        if (point.x > 1.0) dx = point.x - 1.0;
        if (point.y < 0.0) dy = -point.y;
        if (point.y > 1.0) dy = point.y - 1.0;
        if ((point.x < 0.0 || point.x > 1.0) && (point.y < 0.0 || point.y > 1.0)) return sqrt(dx * dx + dy * dy);
        return min(dx, dy);
      }

      half4 throughCurl(float yc, float2 p) {
        float hitAngle = PI - (acos(clamp(yc / RADIUS, -1.0, 1.0)) - 2.0 * PI * curlAmount());
        float3 point = fromCurl(toCurl(p), hitAngle);
        if (yc <= 0.0 && (point.x < 0.0 || point.y < 0.0 || point.x > 1.0 || point.y > 1.0)) return getToColor(p);
        if (yc > 0.0) return getFromColor(p);
        return blendEdge(getFromColor(point.xy), half4(0.0), edgeDistance(point));
      }

      half4 throughCurlShadowed(float yc, float2 p, float3 point) {
        float shadow = (1.0 - edgeDistance(point) * 30.0) / 3.0;
        shadow = shadow < 0.0 ? 0.0 : shadow * curlAmount();
        half4 c = throughCurl(yc, p);
        c.rgb -= half3(shadow);
        return c;
      }

      half4 backSide(float yc, float3 point) {
        half4 c = getFromColor(point.xy);
        float grey = (c.r + c.b + c.g) / 15.0 + 0.8 * (pow(max(0.0, 1.0 - abs(yc / RADIUS)), 0.2) / 2.0 + 0.5);
        return half4(half3(grey), c.a);
      }

      half4 beneath(float2 p, float yc, float3 point) {
        float amount = curlAmount();
        yc = -RADIUS - RADIUS - yc;
        float hitAngle = acos(clamp(yc / RADIUS, -1.0, 1.0)) + 2.0 * PI * amount - PI;
        point = fromCurl(point, hitAngle);
        float shade = 0.0;
        if (yc < 0.0 && point.x >= 0.0 && point.y >= 0.0 && point.x <= 1.0 && point.y <= 1.0 && (hitAngle < PI || amount > 0.5)) {
          float nyc = -yc / RADIUS;
          shade = (1.0 - length(point.xy - 0.5) / 0.71) * nyc * nyc * nyc * 0.5;
        }
        return half4(getToColor(p).rgb - half3(shade), 1.0);
      }

      half4 transition(float2 p) {
        float amount = curlAmount();
        float3 point = toCurl(p);
        float yc = point.y - amount;
        if (yc < -RADIUS) return beneath(p, yc, point);
        if (yc > RADIUS) return getFromColor(p);
        float hitAngle = acos(clamp(yc / RADIUS, -1.0, 1.0)) + 2.0 * PI * amount - PI;
        float wrapped = mod(hitAngle, 2.0 * PI);
        if ((wrapped > PI && amount < 0.5) || (wrapped > PI / 2.0 && amount < 0.0)) return throughCurl(yc, p);
        point = fromCurl(point, hitAngle);
        if (point.x < 0.0 || point.y < 0.0 || point.x > 1.0 || point.y > 1.0) return throughCurlShadowed(yc, p, point);
        half4 back = backSide(yc, point);
        half4 under;
        if (yc < 0.0) {
          float nyc = -yc / RADIUS;
          under = half4(0.0, 0.0, 0.0, (1.0 - length(point.xy - 0.5) / 0.71) * nyc * nyc * nyc * 0.5);
        } else {
          under = getFromColor(p);
        }
        back = blendEdge(back, under, RADIUS - abs(yc));
        return blendEdge(back, throughCurlShadowed(yc, p, point), edgeDistance(point));
      }
      """);

  InvertedPageCurl() {
    super(PROGRAM);
  }
}
