package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.blue;
import static dev.smelter.video.render.compose.Pictures.green;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static dev.smelter.video.render.compose.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.render.gpu.EglContext;
import dev.smelter.video.render.gpu.GpuUnavailableException;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShaderLayerTest {
  private static final int W = 64, H = 112, FPS = 10;
  /** red = time, green = vertical position (1 at the top of the picture), blue = x / resolution.x. */
  private static final String PROBE = """
      precision mediump float;
      uniform float time;
      uniform vec2 resolution;
      void main() {
        gl_FragColor = vec4(time, gl_FragCoord.y / resolution.y, gl_FragCoord.x / resolution.x, 1.0);
      }
      """;

  private static final boolean HAS_GL = EglContext.probeRenderer().isPresent();

  private static void needsGl() {
    assumeTrue(HAS_GL, "no EGL on this machine");
  }

  /** A machine without any usable EGL. */
  private static final ShaderThreads.Starter NO_GL = (w, h) -> {
    throw new GpuUnavailableException("no EGL library: libEGL.so.1 not found");
  };

  @Test
  void withoutGlShaderLayersAreReportedBeforeRenderingAndFailNamingTheLayer() {
    RenderPlan plan = shader(PROBE, 1, new VisualLayer.FillColor("clips[0].layers[0]", LayerWindow.whole(2), Rgba.BLACK));
    assertThat(FrameCompositor.unsupported(plan, NO_GL)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("clips[0].layers[1].type");
      assertThat(p.message()).contains("OpenGL", "EGL", "libEGL.so.1 not found");
    });
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE, CompositorOptions.DEFAULTS, NO_GL);
        Surface s = Pictures.surface(W, H)) {
      assertThatThrownBy(() -> compositor.render(0, s))
          .isInstanceOf(CompositionException.class).hasMessageContaining("clips[0].layers[1]").hasMessageContaining("OpenGL");
    }
  }

  private static RenderPlan shader(String source, double speed, VisualLayer... under) {
    return TestPlans.of(W, H, FPS).clip(2, c -> {
      List<VisualLayer> layers = new ArrayList<>(Arrays.asList(under));
      layers.add(new VisualLayer.Shader("clips[0].layers[" + layers.size() + "]", LayerWindow.whole(2), source, Optional.empty(), speed));
      return layers;
    }).build();
  }

  @Test
  void timeIsProgressTimesSpeedAndThePictureIsUprightButMirroredLikeEditly() {
    needsGl();
    try (FrameCompositor compositor = new FrameCompositor(shader(PROBE, 2, new VisualLayer[0]), VideoSourceFactory.NONE);
        Surface s = Pictures.surface(W, H)) {
      compositor.render(5, s); // progress 5/20, time 0.5
      int top = pixel(s, 1, 0), bottom = pixel(s, W - 1, H - 1);
      assertThat(red(top)).isCloseTo(128, offset(2));
      assertThat(green(top)).isGreaterThan(250); // gl_FragCoord.y is highest at the top once flipped
      assertThat(green(bottom)).isLessThan(5);
      // Editly reverses GL's pixel order: upright, but gl_FragCoord.x = 0 lands on the right
      assertThat(blue(top)).isGreaterThan(250);
      assertThat(blue(bottom)).isLessThan(8); // gl_FragCoord.x = 1.5 there: the shift moved x = 0.5 on
      compositor.render(2, s); // time 0.2
      assertThat(red(pixel(s, 10, 10))).isCloseTo(51, offset(2));
    }
  }

  @Test
  void likeEditlysReadBackThePixelsMoveOneOnSoEachRowStartsWithThePreviousRowsLastPixel() {
    needsGl();
    try (FrameCompositor compositor = new FrameCompositor(shader(PROBE, 1, new VisualLayer[0]), VideoSourceFactory.NONE);
        Surface s = Pictures.surface(W, H)) {
      compositor.render(5, s);
      assertThat(alpha(pixel(s, 0, 0))).as("GL's first pixel is lost; nothing takes its place").isZero();
      // mirrored: x = 1 shows gl_FragCoord.x's last column; x = 0 the previous row's end, its first column
      assertThat(blue(pixel(s, 1, 10))).isGreaterThan(250);
      assertThat(blue(pixel(s, 0, 10))).isLessThan(5);
      assertThat(green(pixel(s, 0, 10))).as("one row higher up").isGreaterThan(green(pixel(s, 1, 10)));
      assertThat(blue(pixel(s, W - 1, 10))).isCloseTo(blue(pixel(s, 0, 10)) + 4, offset(1)); // one column in from x = 0
    }
  }

  @Test
  void shaderAlphaBlendsOverTheLayersBelow() {
    needsGl();
    String halfRed = "precision mediump float;\nvoid main() { gl_FragColor = vec4(1.0, 0.0, 0.0, 0.5); }";
    RenderPlan plan = shader(halfRed, 1, new VisualLayer.FillColor("clips[0].layers[0]", LayerWindow.whole(2), new Rgba(0, 0, 255, 1)));
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(3, s);
      int p = pixel(s, 30, 50);
      assertThat(alpha(p)).isEqualTo(255);
      assertThat(red(p)).isCloseTo(128, offset(2));
      assertThat(blue(p)).isCloseTo(127, offset(2));
    }
  }

  @Test
  void aCustomVertexShaderPlacesTheQuad() {
    needsGl();
    // covers GL's left half only, which Editly's mirrored read-back shows on the right
    String leftHalf = "attribute vec2 position;\nvoid main() { gl_Position = vec4(position.x * 0.5 - 0.5, position.y, 0.0, 1.0); }";
    String green = "precision mediump float;\nvoid main() { gl_FragColor = vec4(0.0, 1.0, 0.0, 1.0); }";
    RenderPlan plan = TestPlans.of(W, H, FPS).clip(2, c -> List.of(
        new VisualLayer.Shader("clips[0].layers[0]", LayerWindow.whole(2), green, Optional.of(leftHalf), 1))).build();
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(0, s);
      assertThat(pixel(s, W - 5, 50)).isEqualTo(0xFF00FF00);
      assertThat(alpha(pixel(s, 5, 50))).isZero();
    }
  }

  @Test
  void framesFromManyThreadsMatchSequentialOnes() throws Exception {
    needsGl();
    RenderPlan plan = shader(PROBE, 1);
    byte[][] sequential = new byte[20][];
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      for (int f = 0; f < 20; f++) {
        compositor.render(f, s);
        sequential[f] = Pictures.bytes(s);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE)) {
      List<Future<byte[]>> frames = new ArrayList<>();
      for (int f = 0; f < 20; f++) {
        int frame = f;
        frames.add(pool.submit(() -> {
          try (Surface s = Pictures.surface(W, H)) {
            compositor.render(frame, s);
            return Pictures.bytes(s);
          }
        }));
      }
      for (int f = 0; f < 20; f++) assertThat(frames.get(f).get(60, TimeUnit.SECONDS)).as("frame " + f).isEqualTo(sequential[f]);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBundledRainbowShaderCompilesAndChangesOverTime() throws IOException {
    needsGl();
    String rainbow;
    try (InputStream in = getClass().getResourceAsStream("/dev/smelter/video/shaders/rainbow-colors.frag")) {
      rainbow = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    RenderPlan plan = shader(rainbow, 1);
    assertThat(FrameCompositor.unsupported(plan)).isEmpty();
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(0, s);
      int first = pixel(s, 32, 56);
      compositor.render(10, s);
      int later = pixel(s, 32, 56);
      assertThat(alpha(first)).isEqualTo(255);
      assertThat(later).isNotEqualTo(first);
    }
  }

  @Test
  void glslErrorsAreReportedBeforeRenderingWithTheLayerPath() {
    needsGl();
    RenderPlan plan = shader("void main() { gl_FragColor = vec4(nope); }", 1);
    assertThat(FrameCompositor.unsupported(plan)).singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("clips[0].layers[0]");
          assertThat(p.message()).contains("fragment shader does not compile").contains("nope");
        });
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      assertThatThrownBy(() -> compositor.render(0, s)).isInstanceOf(CompositionException.class).hasMessageContaining("clips[0].layers[0]");
    }
  }
}
