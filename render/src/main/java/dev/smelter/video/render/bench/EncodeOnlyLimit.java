package dev.smelter.video.render.bench;

import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.render.audio.AudioChain;
import dev.smelter.video.render.audio.PcmStream;
import dev.smelter.video.render.compose.FrameCompositor;
import dev.smelter.video.render.compose.VideoSourceFactory;
import dev.smelter.video.render.encode.OutputWriter;
import dev.smelter.video.render.media.FfmpegVideoReader;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The physical limit of a render on this machine: the encoder's own speed. A plan's first frames
 * are composed into memory once; then the whole length is encoded from them (played back and
 * forth), with the
 * plan's real audio, through the same writer and settings as a render. A render cannot be faster
 * than this, so {@code render wall ÷ encode-only wall} says how well everything else hides behind
 * the encoder.
 */
public final class EncodeOnlyLimit {
  public record Result(int frames, long wallMillis, String encoder) {}

  private EncodeOnlyLimit() {}

  /**
   * @param distinctFrames frames composed into memory and played back and forth (enough that
   *     x264's references never see an exact repeat)
   */
  public static Result measure(RenderPlan plan, int distinctFrames, Path scratch) throws IOException {
    int w = plan.output().width(), h = plan.output().height();
    int k = Math.min(distinctFrames, plan.totalFrames());
    List<ByteBuffer> frames = new ArrayList<>(k);
    VideoSourceFactory videos = r -> FfmpegVideoReader.open(r.path(), r.cutFrom(), r.cutTo(), r.speed(), r.fps(), r.boxWidth(), r.boxHeight(), r.fit());
    ImageInfo rgba = new ImageInfo(w, h, ColorType.RGBA_8888, ColorAlphaType.UNPREMUL);
    try (FrameCompositor compositor = new FrameCompositor(plan, videos);
        Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(w, h))) {
      for (int f = 0; f < k; f++) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(w * h * 4);
        compositor.render(f, surface.getCanvas());
        try (Pixmap pm = Pixmap.make(rgba, buffer, w * 4)) {
          surface.readPixels(pm, 0, 0);
        }
        frames.add(buffer);
      }
    }
    Path out = Files.createTempFile(scratch, "encode-only", plan.output().format() == dev.smelter.video.plan.OutputSpec.Format.GIF ? ".gif" : ".mp4");
    long start = System.nanoTime();
    String encoder;
    try (PcmStream audio = plan.audio().map(EncodeOnlyLimit::openAudio).orElse(null);
        OutputWriter writer = OutputWriter.open(out, plan.output(), Optional.ofNullable(audio))) {
      encoder = writer.encoderName();
      for (int f = 0; f < plan.totalFrames(); f++) {
        writer.writeFrame(frames.get(pingPong(f, k)).clear());
      }
      writer.finish();
    } finally {
      Files.deleteIfExists(out);
    }
    return new Result(plan.totalFrames(), (System.nanoTime() - start) / 1_000_000, encoder);
  }

  /**
   * 0, 1, …, k−1, k−2, …, 1, 0, 1, … — cycling without a jump: a jump back to frame 0 would be a
   * scene cut every k frames, which x264 encodes as an expensive keyframe.
   */
  static int pingPong(int f, int k) {
    if (k == 1) return 0;
    int period = 2 * (k - 1);
    int i = f % period;
    return i < k ? i : period - i;
  }

  private static PcmStream openAudio(dev.smelter.video.plan.AudioPlan audio) {
    try {
      return AudioChain.open(audio);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
