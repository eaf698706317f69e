package dev.smelter.video.render.transition;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.RuntimeEffectBuilder;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ReferenceUv} against uv read back from the reference's GL (fidelity/uv-probe.cjs), bit for bit. */
class ReferenceUvTest {
  @ParameterizedTest
  @ValueSource(strings = {"30x50", "36x20"})
  void everyPixelsUvIsTheReferencesBits(String size) throws IOException {
    List<String> lines;
    try (InputStream in = ReferenceUvTest.class.getResourceAsStream("reference-uv-" + size + ".txt")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
    String[] dims = lines.getFirst().split(" ");
    int w = Integer.parseInt(dims[0]), h = Integer.parseInt(dims[1]);
    float[] uv = ReferenceUv.compute(w, h);
    int differing = 0;
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < h; y++) {
        String[] row = lines.get(1 + c * h + y).split(" ");
        for (int x = 0; x < w; x++) {
          int expected = Integer.parseUnsignedInt(row[x], 16);
          if (Float.floatToRawIntBits(uv[2 * (y * w + x) + c]) != expected) differing++;
        }
      }
    }
    assertThat(differing).as("values differing from the reference's bits").isZero();
    // And it is not simply (pixel + ½)/size: the reference's rounding differs for some pixels.
    int plain = 0;
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
      if (uv[2 * (y * w + x)] != (x + 0.5f) / w || uv[2 * (y * w + x) + 1] != (y + 0.5f) / h) plain++;
    }
    assertThat(plain).isPositive();
  }

  /** The SkSL side ({@code referenceUvAt} over the table child) hands programs exactly those floats. */
  @ParameterizedTest
  @ValueSource(strings = {"30x50", "36x20", "128x224", "1080x1920"})
  void theSkslLookupReturnsTheSameFloats(String size) {
    String[] dims = size.split("x");
    int w = Integer.parseInt(dims[0]), h = Integer.parseInt(dims[1]);
    RuntimeEffect effect = RuntimeEffect.makeForShader("uniform float2 resolution;\n" + ReferenceUv.SKSL
        + "half4 main(float2 p) { return half4(referenceUvAt(p), 0.0, 1.0); }");
    ImageInfo info = new ImageInfo(w, h, ColorType.RGBA_F32, ColorAlphaType.PREMUL);
    try (Surface s = Surface.makeRaster(info); RuntimeEffectBuilder b = new RuntimeEffectBuilder(effect);
        Shader table = ReferenceUv.table(w, h)) {
      b.setUniform("resolution", (float) w, (float) h);
      b.setChild("referenceUv", table);
      try (Shader shader = b.makeShader(); Paint paint = new Paint().setShader(shader)) {
        s.getCanvas().drawRect(Rect.makeWH(w, h), paint);
      }
      byte[] pixels;
      try (Bitmap bitmap = new Bitmap()) {
        bitmap.allocPixels(info);
        s.readPixels(bitmap, 0, 0);
        pixels = bitmap.readPixels(); // rows of RGBA float32
      }
      ByteBuffer buf = ByteBuffer.wrap(pixels).order(ByteOrder.nativeOrder());
      float[] expected = ReferenceUv.compute(w, h);
      int differing = 0;
      for (int i = 0; i < w * h; i++) {
        if (buf.getFloat(16 * i) != expected[2 * i] || buf.getFloat(16 * i + 4) != expected[2 * i + 1]) differing++;
      }
      assertThat(differing).isZero();
    }
  }
}
