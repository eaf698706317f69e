package dev.smelter.video.render.compose;

import java.time.Duration;

/**
 * Knobs of the {@link FrameCompositor}.
 *
 * @param respectExifOrientation rotate photos by their EXIF orientation tag; Editly (node-canvas)
 *     ignores the tag, so the default {@code false} renders phone photos as stored, like Editly
 * @param videoReadAhead frames a video layer may decode ahead of the oldest frame still in use
 * @param videoFrameTimeout how long a compositor thread waits for one decoded video frame
 */
public record CompositorOptions(boolean respectExifOrientation, int videoReadAhead, Duration videoFrameTimeout) {
  public static final CompositorOptions DEFAULTS = new CompositorOptions(false, 8, Duration.ofSeconds(60));

  public CompositorOptions {
    if (videoReadAhead < 1) throw new IllegalArgumentException("videoReadAhead must be at least 1, got " + videoReadAhead);
    if (videoFrameTimeout.isNegative() || videoFrameTimeout.isZero()) {
      throw new IllegalArgumentException("videoFrameTimeout must be positive, got " + videoFrameTimeout);
    }
  }

  public CompositorOptions withRespectExifOrientation(boolean respect) {
    return new CompositorOptions(respect, videoReadAhead, videoFrameTimeout);
  }
}
