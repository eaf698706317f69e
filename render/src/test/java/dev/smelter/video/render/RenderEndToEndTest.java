package dev.smelter.video.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.FrameRef;
import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.render.media.FfmpegVideoReader;
import dev.smelter.video.render.media.MediaInspector;
import dev.smelter.video.render.media.VideoFrameReader;
import dev.smelter.video.spec.PlanOptions;
import dev.smelter.video.spec.Planner;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.Rect;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole renders at 64×112 / 10 fps, checked by decoding the MP4 that came out. */
class RenderEndToEndTest {
  @TempDir Path dir;

  private RenderPlan plan(String spec, PlanOptions options) throws Exception {
    return new Planner(options.withBaseDir(dir).withSeed(5), new FfmpegProbe()).plan(spec);
  }

  private RenderPlan plan(String spec) throws Exception {
    return plan(spec, PlanOptions.defaults());
  }

  private static List<int[]> decodeCentrePixels(Path mp4, int w, int h, int fps) throws Exception {
    List<int[]> px = new ArrayList<>();
    try (VideoFrameReader r = FfmpegVideoReader.open(mp4, 0, Double.POSITIVE_INFINITY, 1, new dev.smelter.video.plan.Rational(fps, 1), w, h, VideoFrameReader.Fit.STRETCH)) {
      ByteBuffer f = ByteBuffer.allocateDirect(w * h * 4);
      while (r.read(f.clear())) {
        int p = ((h / 2) * w + w / 2) * 4;
        px.add(new int[] {f.get(p) & 255, f.get(p + 1) & 255, f.get(p + 2) & 255});
      }
    }
    return px;
  }

  @Test
  void fillColoursAndAFadeComeOutFrameExact() throws Exception {
    RenderPlan p = plan("""
        {outPath: 'fade.mp4', width: 64, height: 112, fps: 10,
         clips: [{duration: 2, transition: {name: 'fade', duration: 0.4}, layers: [{type: 'fill-color', color: '#ff0000'}]},
                 {duration: 2, layers: [{type: 'fill-color', color: '#0000ff'}]}]}""");
    RenderResult result = Renderer.render(p, Renderer.Options.defaults());

    assertThat(result.frames()).isEqualTo(36); // 20 + 20 − 4
    List<int[]> px = decodeCentrePixels(result.output(), 64, 112, 10);
    assertThat(px).hasSize(36);
    assertThat(px.get(0)).satisfies(c -> assertColour(c, 255, 0, 0));
    assertThat(px.get(35)).satisfies(c -> assertColour(c, 0, 0, 255));
    FrameRef.Blend mid = (FrameRef.Blend) p.frameAt(18);
    assertThat(mid.progress()).isEqualTo(0.5);
    assertThat(px.get(18)).satisfies(c -> assertColour(c, 128, 0, 128));
    MediaInfo info = new FfmpegProbe().probe(result.output());
    assertThat(info.video().orElseThrow().duration()).isCloseTo(3.6, within(0.01));
    assertThat(info.audio()).isEmpty();
    assertThat(result.encoder()).isEqualTo("libx264");
  }

  @Test
  void aTransitionLongerThanItsClipsIsClampedAndFractionalDurationsRoundPerClip() throws Exception {
    RenderPlan p = plan("""
        {outPath: 'clamped.mp4', width: 64, height: 112, fps: 10,
         clips: [{duration: 1.31, transition: {name: 'fade', duration: 5}, layers: [{type: 'fill-color', color: '#ff0000'}]},
                 {duration: 1, transition: null, layers: [{type: 'fill-color', color: '#00ff00'}]},
                 {duration: 0.8, layers: [{type: 'fill-color', color: '#0000ff'}]}]}""");
    // Editly: Σ round(d·fps) − Σ T, the 5 s fade clamped to half of the shorter neighbour (0.5 s = 5 frames)
    int expected = (int) (Math.round(1.31 * 10) + Math.round(1.0 * 10) + Math.round(0.8 * 10)) - 5;
    assertThat(expected).isEqualTo(26);
    RenderResult result = Renderer.render(p, Renderer.Options.defaults());

    assertThat(result.frames()).isEqualTo(expected);
    MediaInspector.VideoFacts video = MediaInspector.inspect(result.output()).video().orElseThrow();
    assertThat(video.frames()).as("decoded frames").isEqualTo(expected);
    assertThat(new FfmpegProbe().probe(result.output()).video().orElseThrow().duration()).isCloseTo(2.6, within(0.01));
    List<int[]> px = decodeCentrePixels(result.output(), 64, 112, 10);
    assertThat(px.get(7)).as("last frame before the fade").satisfies(c -> assertColour(c, 255, 0, 0));
    assertThat(px.get(17)).as("last frame of the middle clip").satisfies(c -> assertColour(c, 0, 255, 0));
    assertThat(px.get(18)).as("hard cut (transition: null)").satisfies(c -> assertColour(c, 0, 0, 255));
  }

  @Test
  void aSemiTransparentFrameIsEncodedWithItsStraightColourLikeEditly() throws Exception {
    // Editly hands ffmpeg unpremultiplied RGBA and ffmpeg drops the alpha: half-transparent red over
    // nothing comes out full red, not the premultiplied dark red Skia holds internally.
    RenderPlan p = plan("""
        {outPath: 'half.mp4', width: 64, height: 112, fps: 10, defaults: {transition: null},
         clips: [{duration: 0.5, layers: [{type: 'fill-color', color: 'rgba(255, 0, 0, 0.5)'}]},
                 {duration: 0.5, layers: [{type: 'fill-color', color: '#00ff00'}]}]}""");
    List<int[]> px = decodeCentrePixels(Renderer.render(p, Renderer.Options.defaults()).output(), 64, 112, 10);

    assertThat(px).hasSize(10);
    assertThat(px.get(2)).satisfies(c -> assertColour(c, 255, 0, 0));
    assertThat(px.get(7)).as("opaque frames keep their colour (and byte order)").satisfies(c -> assertColour(c, 0, 255, 0));
  }

  private static void assertColour(int[] c, int r, int g, int b) {
    assertThat(c[0]).as("red").isCloseTo(r, within(6));
    assertThat(c[1]).as("green").isCloseTo(g, within(6));
    assertThat(c[2]).as("blue").isCloseTo(b, within(6));
  }

  /** The users' W1 shape: cover pictures, one narration per page, clip = narration + 0.5 s, no transitions. */
  private String pictureBook() throws Exception {
    for (int i = 1; i <= 3; i++) {
      int colour = new int[] {0xFFCC3333, 0xFF33CC33, 0xFF3333CC}[i - 1];
      TestMedia.png(dir.resolve("page" + i + ".png"), 96, 144, c -> {
        try (Paint paint = new Paint().setColor(colour)) {
          c.drawRect(Rect.makeWH(96, 144), paint);
        }
      });
    }
    TestMedia.tone(dir.resolve("n1.wav"), 1.5, 0.5);
    TestMedia.tone(dir.resolve("n2.wav"), 1.0, 0.5);
    TestMedia.tone(dir.resolve("n3.wav"), 2.0, 0.5);
    StringBuilder clips = new StringBuilder();
    double[] d = {2.0, 1.5, 2.5};
    for (int i = 0; i < 3; i++) {
      clips.append(String.format(java.util.Locale.ROOT, """
          {duration: %s, layers: [{type: 'image', path: 'page%d.png', resizeMode: 'cover', start: 0, stop: %s},
                                  {type: 'audio', path: 'n%d.wav', start: 0, mixVolume: 1}]},""", d[i], i + 1, d[i], i + 1));
    }
    return "{outPath: 'book.mp4', width: 64, height: 112, fps: 10, keepSourceAudio: true, defaults: {transition: null, duration: 1}, clips: [" + clips + "]}";
  }

  @Test
  void pictureBookNarrationIsStretchedToEachPageLikeEditly() throws Exception {
    RenderResult result = Renderer.render(plan(pictureBook()), Renderer.Options.defaults());
    assertThat(result.frames()).isEqualTo(20 + 15 + 25);
    MediaInfo info = new FfmpegProbe().probe(result.output());
    assertThat(info.audio().orElseThrow().duration()).isCloseTo(6.0, within(0.03));
    // Each narration is retimed (atempo = narration/clip) to fill its page: sound right up to each page end.
    List<Double> levels = TestMedia.levels(result.output(), 6.0, 0.25);
    for (double pageEnd : new double[] {2.0, 3.5, 6.0}) {
      assertThat(levels.get((int) (pageEnd / 0.25) - 1)).as("level just before %.1f s", pageEnd).isGreaterThan(-20);
    }
    List<int[]> px = decodeCentrePixels(result.output(), 64, 112, 10);
    assertThat(px.get(19)).satisfies(c -> assertColour(c, 0xCC, 0x33, 0x33)); // last frame of page 1
    assertThat(px.get(20)).satisfies(c -> assertColour(c, 0x33, 0xCC, 0x33)); // first frame of page 2
  }

  @Test
  void padTimingKeepsNarrationAtNormalSpeedWithSilenceAfter() throws Exception {
    RenderResult result = Renderer.render(plan(pictureBook(), PlanOptions.defaults().withAudioTiming(AudioPlan.Timing.PAD)), Renderer.Options.defaults());
    List<Double> levels = TestMedia.levels(result.output(), 6.0, 0.25);
    // Page 1: 1.5 s of narration in a 2.0 s page → sound in 1.0–1.25 s, silence in 1.75–2.0 s.
    assertThat(levels.get(4)).isGreaterThan(-20);
    assertThat(levels.get(7)).isLessThan(-45);
    // Page 2 starts at 2.0 s and speaks for 1.0 s; page 3 starts at 3.5 s.
    assertThat(levels.get(9)).isGreaterThan(-20);
    assertThat(levels.get(13)).isLessThan(-45);
    assertThat(levels.get(15)).isGreaterThan(-20);
  }

  @Test
  void withoutKeepSourceAudioNarrationIsSilentAndThereIsNoAudioStream() throws Exception {
    RenderResult result = Renderer.render(plan(pictureBook().replace("keepSourceAudio: true,", "")), Renderer.Options.defaults());
    assertThat(new FfmpegProbe().probe(result.output()).audio()).isEmpty();
    assertThat(result.audioDuration()).isZero();
  }

  @Test
  void aFailedRenderLeavesNoFileBehind() throws Exception {
    // a PNG header (planning checks it) over bytes no decoder reads: the render itself fails
    Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4});
    RenderPlan p = plan("{outPath: 'out.mp4', width: 64, height: 112, fps: 10, clips: [{duration: 1, layers: [{type: 'image', path: 'broken.png'}]}]}");
    assertThatThrownBy(() -> Renderer.render(p, Renderer.Options.defaults()))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("clips[0].layers[0]");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("broken.png");
    }
  }

  @Test
  void theGlPathRendersTheSameFramesAsRaster() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.smelter.video.render.gpu.EglContext.probeRenderer().isPresent(), "no EGL");
    String spec = """
        {outPath: '%s', width: 64, height: 112, fps: 10,
         clips: [{duration: 1, transition: {name: 'crosswarp', duration: 0.4}, layers: [{type: 'fill-color', color: '#ff8800'}]},
                 {duration: 1, layers: [{type: 'fill-color', color: '#0088ff'}]}]}""";
    RenderResult gl = Renderer.render(plan(spec.formatted("gl.mp4")), new Renderer.Options(GpuMode.ON, 0, RenderProgress.Listener.NONE));
    RenderResult cpu = Renderer.render(plan(spec.formatted("cpu.mp4")), new Renderer.Options(GpuMode.OFF, 0, RenderProgress.Listener.NONE));
    assertThat(gl.gpu()).startsWith("gpu (skia gl");
    assertThat(cpu.gpu()).startsWith("cpu");
    var cmp = dev.smelter.video.render.quality.VideoComparison.compare(gl.output(), cpu.output(), 1);
    assertThat(cmp.frames()).isEqualTo(16).isEqualTo(cmp.referenceFrames());
    assertThat(cmp.meanSsim()).isGreaterThan(0.98);
  }

  /** The users' W2 shape: cover videos whose clips last as long as the files, with their own sound. */
  @Test
  void videoClipsTakeTheirLengthFromTheFileAndKeepTheirSound() throws Exception {
    TestMedia.video(dir.resolve("a.mp4"), 80, 60, 2.0);
    TestMedia.video(dir.resolve("b.mp4"), 80, 60, 1.0);
    RenderPlan p = plan("""
        {outPath: 'w2.mp4', width: 64, height: 112, fps: 10, keepSourceAudio: true, defaults: {transition: null},
         clips: [{layers: [{type: 'video', path: 'a.mp4', resizeMode: 'cover'}]},
                 {layers: [{type: 'video', path: 'b.mp4', resizeMode: 'cover', cutFrom: 0.5}]}]}""");
    assertThat(p.clips().get(0).duration()).isEqualTo(2.0);
    assertThat(p.clips().get(1).duration()).isEqualTo(0.5);
    RenderResult result = Renderer.render(p, Renderer.Options.defaults());
    assertThat(result.frames()).isEqualTo(25);
    List<int[]> px = decodeCentrePixels(result.output(), 64, 112, 10);
    assertThat(px).hasSize(25);
    assertThat(px.get(2)).satisfies(c -> assertColour(c, 255, 0, 0));
    assertThat(px.get(15)).satisfies(c -> assertColour(c, 0, 255, 0));
    assertThat(px.get(22)).satisfies(c -> assertColour(c, 0, 255, 0)); // b.mp4 from 0.5 s on is its green half
    MediaInfo info = new FfmpegProbe().probe(result.output());
    assertThat(info.audio().orElseThrow().duration()).isCloseTo(2.5, within(0.03));
    assertThat(TestMedia.levels(result.output(), 2.5, 0.5)).allSatisfy(db -> assertThat(db).isCloseTo(-9.0, within(1.5)));
  }

  @Test
  void gifOutputHasTheGifFrameRateAndNoAudio() throws Exception {
    RenderPlan p = plan("{outPath: 'x.gif', width: 64, height: 64, clips: [{duration: 1, layers: [{type: 'fill-color', color: 'teal'}]}]}");
    assertThat(p.output().fps().value()).isEqualTo(10);
    RenderResult result = Renderer.render(p, Renderer.Options.defaults());
    assertThat(Files.readAllBytes(result.output())).startsWith("GIF89a".getBytes());
    MediaInfo info = new FfmpegProbe().probe(result.output());
    assertThat(info.audio()).isEmpty();
    assertThat(decodeCentrePixels(result.output(), 64, 64, 10)).hasSize(10);
  }

  private static final String LONG_FILL = "{outPath: 'long.mp4', width: 64, height: 112, fps: 10, clips: [{duration: 60, layers: [{type: 'fill-color', color: 'navy'}]}]}";

  @Test
  void aRenderPastItsTimeoutFailsAndLeavesNothing() throws Exception {
    RenderPlan p = plan(LONG_FILL);
    assertThatThrownBy(() -> Renderer.render(p, Renderer.Options.defaults().withTimeout(java.time.Duration.ofMillis(1))))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("timed out");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void interruptingTheRenderingThreadCancelsItAndLeavesNothing() throws Exception {
    RenderPlan p = plan(LONG_FILL);
    Thread caller = Thread.currentThread();
    RenderProgress.Listener cancelAtFrame10 = progress -> {
      if (progress.framesDone() == 10) caller.interrupt();
    };
    assertThatThrownBy(() -> Renderer.render(p, new Renderer.Options(GpuMode.OFF, 0, cancelAtFrame10)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("cancelled");
    assertThat(Thread.interrupted()).isTrue(); // the interrupt status is kept for the caller
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void shaderAndTextLayersRenderTheSameOnTheGlEngineAsOnRaster() throws Exception {
    // The GL engine's context and the shader thread's context share one EGL display.
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.smelter.video.render.gpu.EglContext.probeRenderer().isPresent(), "no EGL");
    String spec = """
        {outPath: '%s', width: 64, height: 112, fps: 10,
         clips: [{duration: 1, transition: {name: 'fade', duration: 0.4}, layers: [{type: 'rainbow-colors'}, {type: 'subtitle', text: 'Hi there'}]},
                 {duration: 1, layers: [{type: 'gl', fragmentSrc: 'precision mediump float; uniform float time; void main() { gl_FragColor = vec4(time, 0.5, 0.0, 1.0); }'},
                                        {type: 'news-title', text: 'NEWS'}, {type: 'slide-in-text', text: 'Slide'}]}]}""";
    RenderResult gl = Renderer.render(plan(spec.formatted("gl.mp4")), new Renderer.Options(GpuMode.ON, 0, RenderProgress.Listener.NONE));
    RenderResult cpu = Renderer.render(plan(spec.formatted("cpu.mp4")), new Renderer.Options(GpuMode.OFF, 0, RenderProgress.Listener.NONE));
    var cmp = dev.smelter.video.render.quality.VideoComparison.compare(gl.output(), cpu.output(), 1);
    assertThat(cmp.frames()).isEqualTo(16).isEqualTo(cmp.referenceFrames());
    assertThat(cmp.meanSsim()).isGreaterThan(0.98);
  }

  @Test
  void comparisonReportsTheAudioLevelDifference() throws Exception {
    TestMedia.tone(dir.resolve("loud.wav"), 2, 0.5);
    TestMedia.tone(dir.resolve("quiet.wav"), 2, 0.25);
    String spec = "{outPath: '%s', width: 64, height: 112, fps: 10, audioFilePath: '%s', clips: [{duration: 2, layers: [{type: 'pause', color: '#204080'}]}]}";
    RenderResult loud = Renderer.render(plan(spec.formatted("loud.mp4", "loud.wav")), Renderer.Options.defaults());
    RenderResult quiet = Renderer.render(plan(spec.formatted("quiet.mp4", "quiet.wav")), Renderer.Options.defaults());
    var same = dev.smelter.video.render.quality.VideoComparison.compare(loud.output(), loud.output(), 5);
    var cmp = dev.smelter.video.render.quality.VideoComparison.compare(quiet.output(), loud.output(), 5);
    assertThat(same.audioLevelDifferenceDb().orElseThrow()).isCloseTo(0, within(1e-9));
    assertThat(cmp.audioLevelDifferenceDb().orElseThrow()).isCloseTo(-6.02, within(0.3)); // half the amplitude
    assertThat(cmp.referenceAudioRmsDb().orElseThrow()).isBetween(-25.0, -6.0);
    assertThat(cmp.meanSsim()).isGreaterThan(0.99);
  }
}
