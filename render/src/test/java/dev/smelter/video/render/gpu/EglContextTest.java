package dev.smelter.video.render.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The GL path runs on CI through Mesa llvmpipe, so it is exercised without a GPU. */
class EglContextTest {
  @Test
  void drawsOnAHeadlessGlSurfaceAndReadsBack() throws Exception {
    assumeTrue(EglContext.probeRenderer().isPresent(), "no EGL on this machine");
    try (EglContext gl = EglContext.open()) {
      assertThat(gl.renderer()).isNotBlank();
      ImageInfo info = new ImageInfo(64, 112, ColorType.RGBA_8888, ColorAlphaType.PREMUL);
      try (Surface s = Surface.makeRenderTarget(gl.skia(), false, info); Paint p = new Paint()) {
        s.getCanvas().clear(0xFF000000);
        p.setColor(0xFF20C040);
        s.getCanvas().drawRect(io.github.humbleui.types.Rect.makeXYWH(0, 56, 64, 56), p);
        gl.skia().flushAndSubmit(s, true);
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 112 * 4);
        Pixmap pm = Pixmap.make(info.withColorAlphaType(ColorAlphaType.UNPREMUL), buf, 64 * 4);
        assertThat(s.readPixels(pm, 0, 0)).isTrue();
        int top = (10 * 64 + 10) * 4, bottom = (100 * 64 + 10) * 4;
        // Top-left origin: row 10 is still the black clear, row 100 is the green rect.
        assertThat(new int[] {buf.get(top) & 255, buf.get(top + 1) & 255, buf.get(top + 2) & 255}).containsExactly(0, 0, 0);
        assertThat(new int[] {buf.get(bottom) & 255, buf.get(bottom + 1) & 255, buf.get(bottom + 2) & 255}).containsExactly(0x20, 0xC0, 0x40);
      }
    }
  }

  @Test
  void classifiesSoftwareRenderers() {
    assertThat(EglContext.isSoftware("llvmpipe (LLVM 15.0.6, 256 bits)")).isTrue();
    assertThat(EglContext.isSoftware("NVIDIA H100 80GB HBM3/PCIe/SSE2")).isFalse();
  }
}
