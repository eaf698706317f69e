package dev.smelter.video.plan;

import java.util.Optional;

/** What planning needs to know about a media file (the renderer's probe fills it in). */
public record MediaInfo(double duration, Optional<VideoStream> video, Optional<AudioStream> audio) {

  /**
   * The displayed size: width/height are already swapped for ±90°/270° rotation, as Editly does.
   */
  public record VideoStream(int width, int height, int rotation, Rational frameRate, double duration) {}

  public record AudioStream(int sampleRate, int channels, double duration) {}
}
