package dev.smelter.video.render.compose;

import static dev.smelter.video.render.compose.Pictures.alpha;
import static dev.smelter.video.render.compose.Pictures.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.ResizeMode;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.render.media.VideoFrameReader;
import io.github.humbleui.skija.Surface;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VideoLayerTest {
  private static final int W = 64, H = 112, FPS = 10;

  private static int frameColour(int n) {
    return 0xFF000000 | GeneratedVideo.redOf(n) << 16 | 100 << 8 | 200;
  }

  private static RenderPlan plan(LayerWindow window, ResizeMode mode, VisualLayer.Box box) {
    return TestPlans.of(W, H, FPS)
        .clip(2, c -> List.of(new VisualLayer.Video("clips[0].layers[0]", window, Path.of("in.mp4"), mode, 1.5, 3.5, 1, box,
            new MediaInfo.VideoStream(320, 240, 0, new Rational(25, 1), 10))))
        .build();
  }

  @Test
  void playbackStartsWhenTheLayerBecomesVisibleAndHoldsTheLastFrame() {
    GeneratedVideo.Factory videos = new GeneratedVideo.Factory(8);
    RenderPlan plan = plan(new LayerWindow(0.5, 2), ResizeMode.STRETCH, VisualLayer.Box.FULL);
    try (FrameCompositor compositor = new FrameCompositor(plan, videos); Surface s = Pictures.surface(W, H)) {
      compositor.render(4, s); // t = 0.4: not visible yet
      assertThat(alpha(pixel(s, 10, 10))).isZero();
      int[][] expected = {{5, 0}, {9, 4}, {12, 7}, {15, 7}, {19, 7}}; // local frame → decoded frame (8 frames, then repeat)
      for (int[] e : expected) {
        compositor.render(e[0], s);
        assertThat(pixel(s, 10, 10)).as("local frame %d", e[0]).isEqualTo(frameColour(e[1]));
      }
    }
    VideoSourceFactory.Request request = videos.requests.getFirst();
    assertThat(request.path()).isEqualTo(Path.of("in.mp4"));
    assertThat(request.cutFrom()).isEqualTo(1.5);
    assertThat(request.cutTo()).isEqualTo(3.5);
    assertThat(request.fps()).isEqualTo(new Rational(FPS, 1));
    assertThat(request.boxWidth()).isEqualTo(W);
    assertThat(request.boxHeight()).isEqualTo(H);
    assertThat(request.fit()).isEqualTo(VideoFrameReader.Fit.STRETCH);
    assertThat(videos.opened.getFirst().closed).isTrue();
  }

  @Test
  void containBlurCentresTheFrameInItsBoxOverABlurredCopy() {
    // Box 32×56 at (16, 28); the decoder fits a 2:1 source inside it as 32×16 → centred at rows 48..64.
    GeneratedVideo.Factory videos = new GeneratedVideo.Factory(5, 32, 16);
    VisualLayer.Box box = new VisualLayer.Box(0.5, 0.5, 0.25, 0.25, Position.OriginX.LEFT, Position.OriginY.TOP);
    try (FrameCompositor compositor = new FrameCompositor(plan(LayerWindow.whole(2), ResizeMode.CONTAIN_BLUR, box), videos);
        Surface s = Pictures.surface(W, H)) {
      compositor.render(2, s);
      assertThat(videos.requests.getFirst().fit()).isEqualTo(VideoFrameReader.Fit.INSIDE);
      assertThat(videos.requests.getFirst().boxWidth()).isEqualTo(32);
      assertThat(videos.requests.getFirst().boxHeight()).isEqualTo(56);
      assertThat(pixel(s, 32, 56)).isEqualTo(frameColour(2));
      int backdrop = pixel(s, 32, 32); // inside the box, above the picture
      assertThat(alpha(backdrop)).isEqualTo(255);
      assertThat(Pictures.blue(backdrop)).isBetween(190, 210); // a blur of a uniform frame keeps its colour
      assertThat(alpha(pixel(s, 8, 8))).isZero(); // outside the box
      assertThat(alpha(pixel(s, 50, 100))).isZero();
    }
  }

  @Test
  void containWithOriginCentreIsShiftedLikeEditly() {
    // Editly offsets by −(box − frame)/2 unless the origin is left/top: the frame lands at the box top.
    GeneratedVideo.Factory videos = new GeneratedVideo.Factory(5, 32, 16);
    VisualLayer.Box box = new VisualLayer.Box(0.5, 0.5, 0.5, 0.5, Position.OriginX.CENTER, Position.OriginY.CENTER);
    try (FrameCompositor compositor = new FrameCompositor(plan(LayerWindow.whole(2), ResizeMode.CONTAIN, box), videos);
        Surface s = Pictures.surface(W, H)) {
      compositor.render(0, s);
      assertThat(pixel(s, 32, 30)).isEqualTo(frameColour(0)); // rows 28..44
      assertThat(alpha(pixel(s, 32, 56))).isZero(); // where a centred frame would be
    }
  }

  @Test
  void aFailingDecoderFailsTheFrameNamingTheLayer() {
    VideoSourceFactory broken = request -> new VideoFrameReader() {
      @Override public int width() { return W; }
      @Override public int height() { return H; }
      @Override public boolean read(ByteBuffer dst) {
        throw new IllegalStateException("corrupt stream");
      }
      @Override public void close() {}
    };
    CompositorOptions options = new CompositorOptions(false, 2, Duration.ofSeconds(5));
    try (FrameCompositor compositor = new FrameCompositor(plan(LayerWindow.whole(2), ResizeMode.STRETCH, VisualLayer.Box.FULL), broken, options);
        Surface s = Pictures.surface(W, H)) {
      assertThatThrownBy(() -> compositor.render(0, s))
          .isInstanceOf(CompositionException.class).hasMessageContaining("clips[0].layers[0]").hasMessageContaining("corrupt stream");
    }
  }

  @Test
  void aStalledDecoderTimesOutInsteadOfHanging() {
    CountDownLatch release = new CountDownLatch(1);
    VideoSourceFactory stalled = request -> new VideoFrameReader() {
      @Override public int width() { return W; }
      @Override public int height() { return H; }
      @Override public boolean read(ByteBuffer dst) {
        try {
          release.await(30, TimeUnit.SECONDS); // stands in for a decoder stuck on a broken input
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      }
      @Override public void close() {}
    };
    CompositorOptions options = new CompositorOptions(false, 2, Duration.ofMillis(300));
    try (FrameCompositor compositor = new FrameCompositor(plan(LayerWindow.whole(2), ResizeMode.STRETCH, VisualLayer.Box.FULL), stalled, options);
        Surface s = Pictures.surface(W, H)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> compositor.render(0, s))
          .isInstanceOf(CompositionException.class).hasMessageContaining("clips[0].layers[0]").hasMessageContaining("no video frame 0");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(10));
      release.countDown();
    }
  }
}
