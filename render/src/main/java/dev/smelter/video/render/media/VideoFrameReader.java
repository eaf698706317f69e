package dev.smelter.video.render.media;

import java.nio.ByteBuffer;

/**
 * Sequential decoder of one video layer: frames at the output frame rate, already cut
 * ({@code cutFrom..cutTo}), retimed ({@code setpts=speed·PTS}) and scaled to {@link #width()} ×
 * {@link #height()} as RGBA (straight alpha). Mirrors Editly's per-layer
 * {@code ffmpeg -ss cutFrom -i path -t (cutTo−cutFrom)·speed -vf setpts,fps,scale[,crop]}.
 */
public interface VideoFrameReader extends AutoCloseable {
  /** How the decoded picture is fitted into the requested box. */
  enum Fit {
    /** Keep aspect, fit inside the box: output is at most the box size. */
    INSIDE,
    /** Keep aspect, fill the box, centre-crop: output is exactly the box size. */
    COVER,
    /** Ignore aspect: output is exactly the box size. */
    STRETCH
  }

  int width();

  int height();

  /**
   * Decodes the next frame into {@code dst} ({@code width·height·4} bytes, RGBA).
   *
   * @return false when the source has no more frames (the caller repeats the last one)
   */
  boolean read(ByteBuffer dst);

  @Override
  void close();
}
