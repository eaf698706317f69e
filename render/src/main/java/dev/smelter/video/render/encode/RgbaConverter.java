package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.smelter.video.render.ffmpeg.FfmpegException;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * RGBA or BGRA ({@link FrameLayout}; straight alpha, alpha ignored) to the encoder's pixel format with one reused swscale
 * context. A direct buffer is read in place; a heap buffer is first copied to a reused native buffer.
 * Uses swscale's defaults otherwise (BT.601, limited range, bicubic chroma), like ffmpeg's
 * {@code -vf format=yuv420p} in Editly.
 */
final class RgbaConverter implements AutoCloseable {
  private final int width;
  private final int height;
  private SwsContext context;
  private final PointerPointer<BytePointer> sourcePlanes = new PointerPointer<>(4);
  private final IntPointer sourceStrides = new IntPointer(4);
  private ByteBuffer lastSource;
  private BytePointer lastSourcePointer;
  private BytePointer staging;

  RgbaConverter(int width, int height, int targetPixelFormat) throws FfmpegException {
    this(width, height, targetPixelFormat, FrameLayout.RGBA);
  }

  RgbaConverter(int width, int height, int targetPixelFormat, FrameLayout layout) throws FfmpegException {
    this.width = width;
    this.height = height;
    context = sws_getContext(width, height, layout.avPixelFormat(), width, height, targetPixelFormat, SWS_BICUBIC, null, null, (DoublePointer) null);
    if (context == null || context.isNull()) throw new FfmpegException("swscale cannot convert RGBA to pixel format " + targetPixelFormat, 0);
    sourceStrides.put(0, width * 4);
  }

  /** Converts {@code rgba} (from index 0, {@code width·height·4} bytes) into {@code target}'s planes. */
  void convert(ByteBuffer rgba, AVFrame target) {
    long bytes = (long) width * height * 4;
    if (rgba.capacity() < bytes) throw new IllegalArgumentException("frame buffer holds " + rgba.capacity() + " bytes, needs " + bytes);
    sourcePlanes.put(0, sourcePointer(rgba, bytes));
    sws_scale(context, sourcePlanes, sourceStrides, 0, height, target.data(), target.linesize());
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
    sourcePlanes.close();
    sourceStrides.close();
    if (staging != null) staging.close();
    lastSource = null;
    lastSourcePointer = null;
  }
}
