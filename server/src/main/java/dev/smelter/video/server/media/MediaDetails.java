package dev.smelter.video.server.media;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code /metadata} and {@code /audio-info} report about a file: the fields the legacy server
 * read from ffprobe ({@code format.duration}, {@code format.bit_rate}, {@code format.format_name} and
 * the first video and audio streams).
 */
public record MediaDetails(double duration, OptionalLong bitrate, String formatName, Optional<Video> video, Optional<Audio> audio) {
  public record Video(String codec, int width, int height, double fps, OptionalLong bitrate) {}

  public record Audio(String codec, int channels, int sampleRate, OptionalLong bitrate) {}
}
