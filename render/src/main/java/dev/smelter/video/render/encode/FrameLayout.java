package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;

/**
 * Byte order of the 32-bit straight-alpha frames handed to a writer (alpha is ignored). The
 * renderer hands over Skia's native order, BGRA on x86 and ARM Linux, so frames are drawn straight
 * into the buffers the encoder reads, with no conversion pass in between.
 */
public enum FrameLayout {
  RGBA(AV_PIX_FMT_RGBA),
  BGRA(AV_PIX_FMT_BGRA);

  private final int avPixelFormat;

  FrameLayout(int avPixelFormat) {
    this.avPixelFormat = avPixelFormat;
  }

  int avPixelFormat() {
    return avPixelFormat;
  }
}
