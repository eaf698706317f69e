package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import dev.smelter.video.render.ffmpeg.FfmpegException;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;

/**
 * RGBA or BGRA ({@link FrameLayout}; straight alpha, alpha ignored) to the encoder's pixel format with one reused swscale
 * context. A direct buffer is read in place; a heap buffer is first copied to a reused native buffer.
 * Uses swscale's defaults otherwise (BT.601, limited range, bicubic chroma), like ffmpeg's
 * {@code -vf format=yuv420p} in Editly.
 *
 * <p>The conversion runs on the encoding thread between two frames, while x264's slice threads
 * wait for it, so it is split over {@code threads} slices (swscale's own slice threads): on 2 cores
 * that takes it off half of the critical path (docs/performance.md, "Where the remaining time goes").
 */
final class RgbaConverter implements AutoCloseable {
  private final int width;
  private final int height;
  private final int targetPixelFormat;
  private AVFrame source;
  private SwsContext context;
  private ByteBuffer lastSource;
  private BytePointer lastSourcePointer;
  private BytePointer staging;

  RgbaConverter(int width, int height, int targetPixelFormat) throws FfmpegException {
    this(width, height, targetPixelFormat, FrameLayout.RGBA);
  }

  RgbaConverter(int width, int height, int targetPixelFormat, FrameLayout layout) throws FfmpegException {
    this(width, height, targetPixelFormat, layout, Runtime.getRuntime().availableProcessors());
  }

  RgbaConverter(int width, int height, int targetPixelFormat, FrameLayout layout, int threads) throws FfmpegException {
    this.width = width;
    this.height = height;
    context = sws_alloc_context();
    if (context == null || context.isNull()) throw new FfmpegException("swscale cannot allocate a context", 0);
    context.flags(SWS_BICUBIC).threads(Math.max(1, threads));
    this.targetPixelFormat = targetPixelFormat;
    // Wraps the caller's buffer (not reference-counted: swscale's frame API only reads its planes).
    source = av_frame_alloc();
    source.format(layout.avPixelFormat()).width(width).height(height);
    source.linesize(0, width * 4);
  }

  /** Converts {@code rgba} (from index 0, {@code width·height·4} bytes) into {@code target}'s planes. */
  void convert(ByteBuffer rgba, AVFrame target) throws FfmpegException {
    long bytes = (long) width * height * 4;
    if (rgba.capacity() < bytes) throw new IllegalArgumentException("frame buffer holds " + rgba.capacity() + " bytes, needs " + bytes);
    source.data(0, sourcePointer(rgba, bytes));
    FfmpegException.check(sws_scale_frame(context, target, source), "converting a frame to pixel format " + targetPixelFormat);
  }

  private BytePointer sourcePointer(ByteBuffer rgba, long bytes) {
    if (rgba.isDirect()) {
      if (rgba != lastSource) {
        lastSource = rgba;
        lastSourcePointer = new BytePointer(rgba).position(0);
      }
      return lastSourcePointer;
    }
    if (staging == null) staging = new BytePointer(bytes);
    staging.position(0).put(rgba.array(), rgba.arrayOffset(), (int) bytes);
    return staging.position(0);
  }

  @Override
  public void close() {
    if (context != null) {
      sws_freeContext(context);
      context = null;
    }
    if (source != null) av_frame_free(source);
    source = null;
    if (staging != null) staging.close();
    lastSource = null;
    lastSourcePointer = null;
  }
}
