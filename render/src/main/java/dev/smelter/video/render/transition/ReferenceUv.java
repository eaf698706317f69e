package dev.smelter.video.render.transition;

import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.skija.Shader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The uv the reference's GL (headless-gl + Mesa llvmpipe, as Editly draws gl-transitions) hands
 * each pixel, bit for bit, for the transitions that hash a pixel's own uv (a last-bit difference
 * there becomes a different random value).
 *
 * <p>Measured with {@code fidelity/uv-probe.cjs} and reproduced exactly at 128×224, 120×200, 360×640
 * and 540×960: gl-transition's one oversized triangle is clipped to the viewport, and the rectangle
 * is drawn as two triangles split along the diagonal (0,0)–(W,H) (pixels whose centre lies on it
 * go to the upper-right one). Each gets llvmpipe's float32 plane setup from its first vertex —
 * (W,H) for the upper-right triangle (W,H),(W,0),(0,0) and (0,H) for (0,H),(W,H),(0,0) — and a
 * pixel (x, y) reads {@code fma(dady, y, fma(dadx, x, a0))}. Java float arithmetic is IEEE float32
 * without contraction, so the setup below is the reference's, operation for operation.
 */
final class ReferenceUv {
  /**
   * SkSL for {@code referenceUvAt(fragCoord)}, reading a {@link #table} child named
   * {@code referenceUv}; needs the prelude's {@code resolution}. Within each triangle u depends on
   * x only and v on y only (the other slope is exactly 0), so the table holds four 1-D rows.
   */
  static final String SKSL = """
      uniform shader referenceUv;
      float2 referenceUvAt(float2 p) {
        // Pixel centres (x + 0.5, y + 0.5) times the size stay exact in float (< 2^24).
        bool upperRight = p.x * resolution.y >= p.y * resolution.x;
        float4 ux = referenceUv.eval(float2(p.x, 0.5));
        float4 vy = referenceUv.eval(float2(p.y, 0.5));
        return upperRight ? float2(ux.r, vy.b) : float2(ux.g, vy.a);
      }
      """;

  private record Table(int width, int height, Image image) {}

  private static volatile Table cached;

  private ReferenceUv() {}

  /** Interleaved (u, v) per pixel, rows top to bottom (uv.y = 0 is the top row, as in Editly). */
  static float[] compute(int width, int height) {
    float[][] t = planes(width, height);
    float[] out = new float[2 * width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float[][] plane = upperRight(x, y, width, height) ? new float[][] {t[0], t[1]} : new float[][] {t[2], t[3]};
        int i = 2 * (y * width + x);
        out[i] = Math.fma(plane[0][2], y, Math.fma(plane[0][1], x, plane[0][0]));
        out[i + 1] = Math.fma(plane[1][2], y, Math.fma(plane[1][1], x, plane[1][0]));
      }
    }
    return out;
  }

  /** Whether pixel (x, y)'s centre is in the upper-right triangle: (x + ½)·H ≥ (y + ½)·W, exactly. */
  static boolean upperRight(int x, int y, int width, int height) {
    return (long) (2 * x + 1) * height >= (long) (2 * y + 1) * width;
  }

  /** {u, v} planes of the upper-right triangle, then of the lower-left one, as {a0, dadx, dady}. */
  private static float[][] planes(int width, int height) {
    float w = width, h = height;
    // Vertices in the order the reference sets each triangle up: (W,H),(W,0),(0,0) and (0,H),(W,H),(0,0).
    float[] urX = {w, w, 0}, urY = {h, 0, 0}, llX = {0, w, 0}, llY = {h, h, 0};
    return new float[][] {
        setup(urX, urY, new float[] {1, 1, 0}), setup(urX, urY, new float[] {1, 0, 0}),
        setup(llX, llY, new float[] {0, 1, 0}), setup(llX, llY, new float[] {1, 1, 0})};
  }

  /**
   * The child for {@link #SKSL} at this frame size: one row, max(W, H) wide, RGBA float32 holding
   * (u upper-right(x), u lower-left(x), v upper-right(y), v lower-left(y)). Cached for the last size.
   */
  static Shader table(int width, int height) {
    Table t = cached;
    if (t == null || t.width() != width || t.height() != height) {
      float[][] p = planes(width, height);
      int n = Math.max(width, height);
      ByteBuffer bytes = ByteBuffer.allocate(16 * n).order(ByteOrder.nativeOrder());
      for (int i = 0; i < n; i++) {
        bytes.putFloat(Math.fma(p[0][1], i, p[0][0])).putFloat(Math.fma(p[2][1], i, p[2][0]));
        bytes.putFloat(Math.fma(p[1][2], i, p[1][0])).putFloat(Math.fma(p[3][2], i, p[3][0]));
      }
      // PREMUL so that Skia hands the four floats through untouched (no premultiplying by "alpha").
      ImageInfo info = new ImageInfo(n, 1, ColorType.RGBA_F32, ColorAlphaType.PREMUL);
      t = new Table(width, height, Image.makeRaster(info, bytes.array(), 16L * n));
      cached = t;
    }
    return t.image().makeShader(FilterTileMode.CLAMP, FilterTileMode.CLAMP, SamplingMode.DEFAULT, null);
  }

  /** {a0, dadx, dady} of llvmpipe's triangle setup for vertices (xs[i], ys[i]) with values as[i]. */
  static float[] setup(float[] xs, float[] ys, float[] as) {
    float x0c = xs[0] - 0.5f, y0c = ys[0] - 0.5f;
    float dx01 = xs[0] - xs[1], dy01 = ys[0] - ys[1], dx20 = xs[2] - xs[0], dy20 = ys[2] - ys[0];
    float ooa = 1f / (dx01 * dy20 - dy01 * dx20);
    float dx20o = dx20 * ooa, dy20o = dy20 * ooa, dx01o = dx01 * ooa, dy01o = dy01 * ooa;
    float da01 = as[0] - as[1], da20 = as[2] - as[0];
    float dadx = da01 * dy20o - da20 * dy01o;
    float dady = da20 * dx01o - da01 * dx20o;
    return new float[] {as[0] - (dadx * x0c + dady * y0c), dadx, dady};
  }
}
