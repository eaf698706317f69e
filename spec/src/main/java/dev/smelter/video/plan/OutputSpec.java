package dev.smelter.video.plan;

import java.nio.file.Path;
import java.util.Optional;

/** The file to write and how to encode it. */
public record OutputSpec(Path path, Format format, int width, int height, Rational fps, EncodeSettings encode) {
  public enum Format { MP4, GIF }

  public OutputSpec withPath(Path newPath) {
    return new OutputSpec(newPath, format, width, height, fps, encode);
  }

  public OutputSpec withEncode(EncodeSettings newEncode) {
    return new OutputSpec(path, format, width, height, fps, newEncode);
  }

  /**
   * Encoder-neutral quality settings; the encoder maps them (x264 crf ↔ nvenc cq, ...).
   *
   * @param encoder forced encoder name, or empty for the probe's choice
   * @param preset x264-style preset name
   * @param crf constant rate factor (quality), used when no bitrate is set
   * @param videoBitrate e.g. {@code 5M}; overrides crf
   */
  public record EncodeSettings(
      Optional<String> encoder,
      String preset,
      double crf,
      Optional<String> videoBitrate,
      String pixelFormat,
      String profile,
      String audioBitrate,
      boolean faststart) {
    public EncodeSettings withEncoder(String name) {
      return new EncodeSettings(Optional.of(name), preset, crf, videoBitrate, pixelFormat, profile, audioBitrate, faststart);
    }
  }
}
