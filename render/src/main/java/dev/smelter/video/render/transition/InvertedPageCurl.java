package dev.smelter.video.render.transition;

/**
 * {@code InvertedPageCurl}: the outgoing frame curls away like a page rolled on a cylinder (radius
 * 1/2π) whose axis, tilted 100°, sweeps diagonally across the frame; the page's back side
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

      // All samples are taken up front, outside any branch: Skia's raster SkSL returned a wrong sample
      // here when the frames were read inside the data-dependent branches (found against the reference).

      // The outgoing frame seen through the curl: the page wrapped the other way round the cylinder.
      half4 throughCurl(float yc, float3 seen, half4 seenColour, half4 fromHere, half4 toHere) {
        bool outside = seen.x < 0.0 || seen.y < 0.0 || seen.x > 1.0 || seen.y > 1.0;
        half4 c = blendEdge(seenColour, half4(0.0), edgeDistance(seen));
        if (yc > 0.0) c = fromHere;
        else if (outside) c = toHere;
        return c;
      }

      half4 throughCurlShadowed(float yc, float3 onPage, half4 through) {
        float shadow = (1.0 - edgeDistance(onPage) * 30.0) / 3.0;
        shadow = shadow < 0.0 ? 0.0 : shadow * curlAmount();
        through.rgb -= half3(shadow);
        return through;
      }

      half4 backSide(float yc, half4 pageColour) {
        float grey = (pageColour.r + pageColour.b + pageColour.g) / 15.0 + 0.8 * (pow(max(0.0, 1.0 - abs(yc / RADIUS)), 0.2) / 2.0 + 0.5);
        return half4(half3(grey), pageColour.a);
      }

      // The incoming frame under the rolled page, darkened by the page's shadow.
      half4 beneath(float yc, float3 point, half4 toHere) {
        float amount = curlAmount();
        float y = -RADIUS - RADIUS - yc;
        float hitAngle = acos(clamp(y / RADIUS, -1.0, 1.0)) + 2.0 * PI * amount - PI;
        float3 q = fromCurl(point, hitAngle);
        float shade = 0.0;
        if (y < 0.0 && q.x >= 0.0 && q.y >= 0.0 && q.x <= 1.0 && q.y <= 1.0 && (hitAngle < PI || amount > 0.5)) {
          float nyc = -y / RADIUS;
          shade = (1.0 - length(q.xy - 0.5) / 0.71) * nyc * nyc * nyc * 0.5;
        }
        return half4(toHere.rgb - half3(shade), 1.0);
      }

      half4 transition(float2 p) {
        float amount = curlAmount();
        float3 point = toCurl(p);
        float yc = point.y - amount;
        float along = acos(clamp(yc / RADIUS, -1.0, 1.0));
        float hitAngle = along + 2.0 * PI * amount - PI;
        float wrapped = mod(hitAngle, 2.0 * PI);
        float3 onPage = fromCurl(point, hitAngle);
        float3 seen = fromCurl(point, PI - (along - 2.0 * PI * amount));
        half4 fromHere = getFromColor(p);
        half4 toHere = getToColor(p);
        half4 pageColour = getFromColor(onPage.xy);
        half4 seenColour = getFromColor(seen.xy);
        half4 through = throughCurl(yc, seen, seenColour, fromHere, toHere);
        half4 c;
        if (yc < -RADIUS) {
          c = beneath(yc, point, toHere);
        } else if (yc > RADIUS) {
          c = fromHere;
        } else if ((wrapped > PI && amount < 0.5) || (wrapped > PI / 2.0 && amount < 0.0)) {
          c = through;
        } else if (onPage.x < 0.0 || onPage.y < 0.0 || onPage.x > 1.0 || onPage.y > 1.0) {
          c = throughCurlShadowed(yc, onPage, through);
        } else {
          half4 under = fromHere;
          if (yc < 0.0) {
            float nyc = -yc / RADIUS;
            under = half4(0.0, 0.0, 0.0, (1.0 - length(onPage.xy - 0.5) / 0.71) * nyc * nyc * nyc * 0.5);
          }
          half4 back = blendEdge(backSide(yc, pageColour), under, RADIUS - abs(yc));
          c = blendEdge(back, throughCurlShadowed(yc, onPage, through), edgeDistance(onPage));
        }
        return c;
      }
      """);

  InvertedPageCurl() {
    super(PROGRAM);
  }
}
