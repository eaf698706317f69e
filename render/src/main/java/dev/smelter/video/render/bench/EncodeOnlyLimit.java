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
 * The physical limit of a render on this machine: the encoder's own speed. Short runs of
 * consecutive frames from {@link #REGIONS} places spread over the plan are composed into memory
 * once; then the whole length is encoded from them — each run played back and forth for its share of
 * the length — with the plan's real audio, through the same writer and settings as a render. A
 * render cannot be faster than this, so {@code render wall ÷ encode-only wall} says how well
 * everything else hides behind the encoder.
 *
 * <p>Why several places: how fast x264 encodes depends on the picture (detail, motion); the first
 * clip alone (an earlier version) is one photo, and the fixture's first photo is its most detailed,
 * which made the limit look slower than the real video.
 */
public final class EncodeOnlyLimit {
  public record Result(int frames, long wallMillis, String encoder) {}

  /** Places the frames are taken from (fewer in short plans). */
  static final int REGIONS = 8;

  private EncodeOnlyLimit() {}

  /**
   * @param distinctFrames frames composed into memory, split over the regions (enough that each
   *     run is longer than a GOP's worth of references, so x264 never sees an exact repeat)
   */
  public static Result measure(RenderPlan plan, int distinctFrames, Path scratch) throws IOException {
    int w = plan.output().width(), h = plan.output().height();
    int total = plan.totalFrames();
    int regions = Math.clamp(total / 100, 1, REGIONS);
    int run = Math.max(1, Math.min(distinctFrames, total) / regions);
    List<ByteBuffer> frames = new ArrayList<>(regions * run);
    VideoSourceFactory videos = r -> FfmpegVideoReader.open(r.path(), r.cutFrom(), r.cutTo(), r.speed(), r.fps(), r.boxWidth(), r.boxHeight(), r.fit());
    ImageInfo rgba = new ImageInfo(w, h, ColorType.RGBA_8888, ColorAlphaType.UNPREMUL);
    try (FrameCompositor compositor = new FrameCompositor(plan, videos);
        Surface surface = Surface.makeRaster(ImageInfo.makeN32Premul(w, h))) {
      for (int i = 0; i < regions * run; i++) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(w * h * 4);
        compositor.render(sourceFrame(i / run, i % run, regions, run, total), surface.getCanvas());
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
      for (int f = 0; f < total; f++) {
        writer.writeFrame(frames.get(composedIndex(f, regions, run, total)).clear());
      }
      writer.finish();
    } finally {
      Files.deleteIfExists(out);
    }
    return new Result(plan.totalFrames(), (System.nanoTime() - start) / 1_000_000, encoder);
  }

  /** The plan frame composed as frame {@code i} of run {@code region}: runs start evenly spread. */
  static int sourceFrame(int region, int i, int regions, int run, int total) {
    int start = (int) ((long) region * total / regions);
    return Math.min(total - 1, start + i);
  }

  /** Which composed frame output frame {@code f} shows: its region's run, back and forth. */
  static int composedIndex(int f, int regions, int run, int total) {
    int region = (int) ((long) f * regions / total);
    int regionStart = (int) Math.ceilDiv((long) region * total, regions); // its first output frame
    return region * run + pingPong(f - regionStart, run);
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
