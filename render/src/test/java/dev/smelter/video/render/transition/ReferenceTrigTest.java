package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffectBuilder;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sine that shader hashes amplify by 4·10⁴: the SkSL {@code referenceSin} equals its Java twin
 * bit for bit, and the twin's hashes equal llvmpipe's, read back from the reference GL
 * ({@code fidelity/hash-probe.cjs}), or differ by 1/256, on arguments up to 3·10⁶ where a
 * plain-float reduction by π/4 gives other values.
 */
class ReferenceTrigTest {
  private static final int W = 128, H = 128;

  @ParameterizedTest
  @CsvSource({"0, 0", "300, 600", "5000, 9000"})
  void skslSineAndCosineAreTheJavaTwinBitForBit(float ox, float oy) {
    float[] sksl = render("""
        uniform float2 offset;
        half4 main(float2 p) {
          float2 cell = floor(p) + offset;
          float x = cell.x * 127.1 + cell.y * 311.7;
          return half4(referenceSin(x), referenceCos(x), fract(referenceSin(x) * 43758.5453123), 1.0);
        }
        """, ox, oy);
    int differing = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        float arg = (x + ox) * 127.1f + (y + oy) * 311.7f;
        int i = 4 * (y * W + x);
        if (sksl[i] != ReferenceTrig.sin(arg) || sksl[i + 1] != ReferenceTrig.cos(arg)
            || sksl[i + 2] != ReferenceTrig.hash(arg)) differing++;
      }
    }
    assertThat(differing).as("pixels whose sin/cos/hash differ from the Java twin").isZero();
  }

  @Test
  void skslDotProductRoundsEachProductLikeTheReference() {
    // The reference's dot is unfused (the probe's cells match only that way), so SkSL's must be too.
    float[] sksl = render("""
        uniform float2 offset;
        half4 main(float2 p) { return half4(dot(floor(p) + offset, float2(127.1, 311.7)), 0.0, 0.0, 1.0); }
        """, 300, 600);
    int differing = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (sksl[4 * (y * W + x)] != (x + 300f) * 127.1f + (y + 600f) * 311.7f) differing++;
      }
    }
    assertThat(differing).isZero();
  }

  @Test
  void theHashMatchesTheReferencesReadBackValues() throws IOException {
    List<String> lines;
    try (InputStream in = ReferenceTrigTest.class.getResourceAsStream("reference-hash.txt")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
    int exact = 0, plainExact = 0;
    double worst = 0;
    for (String line : lines) {
      String[] t = line.split(" ");
      float px = Float.parseFloat(t[0]), py = Float.parseFloat(t[1]), expected = Float.parseFloat(t[2]);
      float arg = px * 127.1f + py * 311.7f;
      float ours = ReferenceTrig.hash(arg);
      if (ours == expected) exact++;
      if (plainFloatHash(arg) == expected) plainExact++;
      double d = Math.abs(ours - expected);
      worst = Math.max(worst, Math.min(d, 1 - d)); // fract wraps around
    }
    assertThat(lines).hasSize(3 * 32 * 32);
    // llvmpipe also fuses the reduction's third step and its polynomial's multiply-adds, which we
    // leave unfused: that moves the last bit of some sines, i.e. a hash by 1/256 (95 % equal here).
    assertThat(exact).as("hashes equal to the reference's").isGreaterThan(lines.size() * 93 / 100);
    assertThat(worst).as("largest difference").isLessThanOrEqualTo(2 / 256.0);
    // What the fused first two steps fixed: rounding j·DP1, j·DP2 on their own gives other values.
    assertThat(plainExact).as("plain-float reduction, for contrast").isLessThan(lines.size() * 40 / 100);
  }

  /** The reduction by π/4 in plain float steps (what {@code ReferenceTrig} did before). */
  private static float plainFloatHash(float a) {
    float x = Math.abs(a);
    float j = (float) Math.floor(x * 1.27323954473516f);
    j += j % 2f;
    float r = ((x - j * 0.78515625f) - j * 2.4187564849853515625e-4f) - j * 3.77489497744594108e-8f;
    float z = r * r;
    float s = j % 4f < 2f
        ? ((-1.9515295891e-4f * z + 8.3321608736e-3f) * z - 1.6666654611e-1f) * z * r + r
        : ((2.443315711809948e-5f * z - 1.388731625493765e-3f) * z + 4.166664568298827e-2f) * z * z - 0.5f * z + 1f;
    boolean negative = (a < 0f) != (j % 8f >= 4f);
    return ReferenceTrig.fract((negative ? -s : s) * 43758.5453f);
  }

  private static float[] render(String program, float ox, float oy) {
    SkslProgram sksl = SkslProgram.withReferenceTrig("reference-trig-test", program);
    ImageInfo info = new ImageInfo(W, H, ColorType.RGBA_F32, ColorAlphaType.UNPREMUL);
    try (Surface s = Surface.makeRaster(info); RuntimeEffectBuilder b = new RuntimeEffectBuilder(sksl.effect())) {
      b.setUniform("offset", ox, oy);
      try (Shader shader = b.makeShader(); Paint paint = new Paint().setShader(shader)) {
        s.getCanvas().drawRect(Rect.makeWH(W, H), paint);
      }
      byte[] pixels;
      try (Bitmap bitmap = new Bitmap()) {
        bitmap.allocPixels(info);
        s.readPixels(bitmap, 0, 0);
        pixels = bitmap.readPixels();
      }
      ByteBuffer buf = ByteBuffer.wrap(pixels).order(ByteOrder.nativeOrder());
      float[] out = new float[W * H * 4];
      for (int i = 0; i < out.length; i++) out[i] = buf.getFloat(4 * i);
      return out;
    }
  }
}
