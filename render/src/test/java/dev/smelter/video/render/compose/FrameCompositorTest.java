package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.blue;
import static dev.smelter.video.render.compose.Pictures.green;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static dev.smelter.video.render.compose.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.FontRef;
import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.ResizeMode;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.TransitionParams;
import dev.smelter.video.plan.VisualLayer;
import io.github.humbleui.skija.Surface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameCompositorTest {
  private static final int W = 64, H = 112, FPS = 10;
  private static final Rgba RED = new Rgba(255, 0, 0, 1), BLUE = new Rgba(0, 0, 255, 1);

  @TempDir Path dir;

  private static VisualLayer fill(int clip, int layer, double duration, Rgba colour) {
    return new VisualLayer.FillColor("clips[" + clip + "].layers[" + layer + "]", LayerWindow.whole(duration), colour);
  }

  private static RenderPlan twoFills(String transition) {
    return TestPlans.of(W, H, FPS)
        .clip(1, c -> List.of(fill(c, 0, 1, RED)))
        .transition(transition, 4, Easing.LINEAR, TransitionParams.NONE)
        .clip(1, c -> List.of(fill(c, 0, 1, BLUE)))
        .build();
  }

  @Test
  void fillColorCoversTheFrameWithTheExactColour() {
    RenderPlan plan = TestPlans.of(W, H, FPS).clip(1, c -> List.of(fill(c, 0, 1, new Rgba(10, 20, 30, 1)))).build();
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(3, s);
      for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) assertThat(pixel(s, x, y)).isEqualTo(0xFF0A141E);
    }
  }

  @Test
  void blendFramesMixTheTwoClipsByTheirProgress() {
    // 10 + 10 frames, T = 4: output frames 6..9 blend (progress 0, .25, .5, .75), 16 frames in all.
    RenderPlan plan = twoFills("fade");
    assertThat(plan.totalFrames()).isEqualTo(16);
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(6, s);
      assertThat(pixel(s, 5, 5)).isEqualTo(0xFFFF0000);
      compositor.render(8, s);
      int mid = pixel(s, 5, 5);
      assertThat(red(mid)).isCloseTo(128, offset(2));
      assertThat(blue(mid)).isCloseTo(128, offset(2));
      assertThat(green(mid)).isZero();
      compositor.render(10, s);
      assertThat(pixel(s, 5, 5)).isEqualTo(0xFF0000FF);
    }
  }

  @Test
  void dummyTransitionShowsTheOutgoingClipUpToHalfway() {
    try (FrameCompositor compositor = new FrameCompositor(twoFills("dummy"), VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      int[] expected = {0xFFFF0000, 0xFFFF0000, 0xFFFF0000, 0xFF0000FF}; // progress 0, .25, .5, .75
      for (int k = 0; k < 4; k++) {
        compositor.render(6 + k, s);
        assertThat(pixel(s, 5, 5)).as("k=%d", k).isEqualTo(expected[k]);
      }
    }
  }

  @Test
  void layersAreDrawnOnlyInsideTheirWindow() {
    RenderPlan plan = TestPlans.of(W, H, FPS)
        .clip(1, c -> List.of(fill(c, 0, 1, RED), new VisualLayer.FillColor("clips[0].layers[1]", new LayerWindow(0.5, 1), BLUE)))
        .build();
    try (FrameCompositor compositor = new FrameCompositor(plan, VideoSourceFactory.NONE); Surface s = Pictures.surface(W, H)) {
      compositor.render(4, s); // t = 0.4
      assertThat(pixel(s, 1, 1)).isEqualTo(0xFFFF0000);
      compositor.render(5, s); // t = 0.5: progress 0, visible
      assertThat(pixel(s, 1, 1)).isEqualTo(0xFF0000FF);
    }
  }

  @Test
  void unknownTransitionsAreRejectedUpFrontByName() {
    // every gl-transitions name renders now; only a name the planner never produces is refused
    assertThatThrownBy(() -> new FrameCompositor(twoFills("no-such-transition"), VideoSourceFactory.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clips[0].transition").hasMessageContaining("'no-such-transition'");
  }

  @Test
  void framesRenderedFromTwoThreadsMatchSequentialRenderingByteForByte() throws Exception {
    RenderPlan plan = mixedPlan();
    assertThat(plan.totalFrames()).isEqualTo(51);
    int frames = 50;
    List<byte[]> sequential = new ArrayList<>();
    try (FrameCompositor compositor = new FrameCompositor(plan, new GeneratedVideo.Factory(40)); Surface s = Pictures.surface(W, H)) {
      for (int f = 0; f < frames; f++) {
        compositor.render(f, s);
        sequential.add(Pictures.bytes(s));
      }
    }
    byte[][] parallel = new byte[frames][];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (FrameCompositor compositor = new FrameCompositor(plan, new GeneratedVideo.Factory(40))) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        workers.add(pool.submit(() -> {
          try (Surface s = Pictures.surface(W, H)) {
            for (int f = next.getAndIncrement(); f < frames; f = next.getAndIncrement()) {
              compositor.render(f, s);
              parallel[f] = Pictures.bytes(s);
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) w.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    for (int f = 0; f < frames; f++) assertThat(parallel[f]).as("frame %d", f).isEqualTo(sequential.get(f));
  }

  @Test
  void releaseBeforeClosesFinishedClipsAndBoundsVideoFrames() {
    GeneratedVideo.Factory videos = new GeneratedVideo.Factory(100);
    RenderPlan plan = TestPlans.of(W, H, FPS)
        .clip(1, c -> List.of(video(c, 1)))
        .transition("fade", 2, Easing.LINEAR, TransitionParams.NONE)
        .clip(2, c -> List.of(video(c, 2)))
        .clip(1, c -> List.of(fill(c, 0, 1, RED)))
        .build();
    CompositorOptions options = new CompositorOptions(false, 3, Duration.ofSeconds(30));
    try (FrameCompositor compositor = new FrameCompositor(plan, videos, options); Surface s = Pictures.surface(W, H)) {
      // Clip 0 spans output 0..9 (8..9 blended), clip 1 spans 8..27.
      for (int f = 0; f < 20; f++) {
        compositor.render(f, s);
        compositor.releaseBefore(f + 1);
      }
      assertThat(compositor.openClips()).containsExactly(1);
      assertThat(videos.opened).hasSize(2);
      assertThat(videos.opened.get(0).closed).isTrue();
      assertThat(videos.opened.get(1).closed).isFalse();
      VideoPainter clip1Video = (VideoPainter) compositor.paintersOf(1).getFirst();
      assertThat(clip1Video.heldFrames()).isBetween(1, 3);

      compositor.render(28, s); // clip 2
      compositor.releaseBefore(28);
      assertThat(compositor.openClips()).containsExactly(2);
      assertThat(videos.opened.get(1).closed).isTrue();
    }
  }

  private static VisualLayer video(int clip, double duration) {
    return new VisualLayer.Video("clips[" + clip + "].layers[0]", LayerWindow.whole(duration), Path.of("v" + clip + ".mp4"),
        ResizeMode.STRETCH, 0, duration, 1, VisualLayer.Box.FULL, new MediaInfo.VideoStream(W, H, 0, new Rational(FPS, 1), duration));
  }

  /** Image with Ken Burns + title, crosswarp, video (contain-blur) over fill, fade, gradient + overlay. */
  private RenderPlan mixedPlan() throws Exception {
    Path photo = Pictures.png(dir, "photo.png", Pictures.bands(90, 60, 0xFF2040C0, 0xFFE0C020, 0xFF30A050));
    Path logo = Pictures.png(dir, "logo.png", Pictures.bands(40, 20, 0x80FF0000, 0xFF00FF00));
    return TestPlans.of(W, H, FPS)
        .clip(3, c -> List.of(
            new VisualLayer.Image("clips[0].layers[0]", LayerWindow.whole(3), photo, ResizeMode.CONTAIN_BLUR, new KenBurns(KenBurns.Direction.IN, 0.1)),
            new VisualLayer.Title("clips[0].layers[1]", LayerWindow.whole(3), "Hi there", Rgba.WHITE, FontRef.DEFAULT, Position.CENTER,
                new KenBurns(KenBurns.Direction.IN, 0.2))))
        .transition("crosswarp", 5, Easing.LINEAR, TransitionParams.NONE)
        .clip(2, c -> List.of(
            fill(c, 0, 2, new Rgba(40, 40, 40, 1)),
            new VisualLayer.Video("clips[1].layers[1]", LayerWindow.whole(2), Path.of("clip.mp4"), ResizeMode.CONTAIN_BLUR, 0, 2, 1,
                new VisualLayer.Box(0.5, 0.5, 0.25, 0.25, Position.OriginX.LEFT, Position.OriginY.TOP),
                new MediaInfo.VideoStream(320, 240, 0, new Rational(FPS, 1), 4))))
        .transition("fade", 4, Easing.EASE_OUT_EXPO, TransitionParams.NONE)
        .clip(1, c -> List.of(
            new VisualLayer.LinearGradient("clips[2].layers[0]", LayerWindow.whole(1), new Rgba(255, 0, 0, 1), new Rgba(0, 0, 255, 1)),
            new VisualLayer.ImageOverlay("clips[2].layers[1]", LayerWindow.whole(1), logo, new Position(0.5, 0.95, Position.OriginX.CENTER, Position.OriginY.BOTTOM),
                OptionalDouble.of(0.5), OptionalDouble.empty(), new KenBurns(KenBurns.Direction.IN, 0.1))))
        .build();
  }
}
