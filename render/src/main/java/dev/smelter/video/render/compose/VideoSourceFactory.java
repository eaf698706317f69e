package dev.smelter.video.render.compose;

import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.VideoFrameReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the decoder of one video layer. The compositor asks once per layer, when the layer's clip
 * is first needed, and closes the reader when the clip is released.
 */
@FunctionalInterface
public interface VideoSourceFactory {
  VideoFrameReader open(Request request) throws IOException;

  /**
   * What to decode: source range [cutFrom, cutTo) seconds played {@code speed} times slower
   * ({@code setpts=speed·PTS}), resampled to {@code fps} and fitted into a
   * {@code boxWidth × boxHeight} box.
   *
   * @param at the layer's JSON path, for error messages
   */
  record Request(
      String at,
      Path path,
      double cutFrom,
      double cutTo,
      double speed,
      Rational fps,
      int boxWidth,
      int boxHeight,
      VideoFrameReader.Fit fit) {}

  /** For plans without video layers. */
  VideoSourceFactory NONE = request -> {
    throw new IOException(request.at() + ": no video decoder configured");
  };
}
