package dev.smelter.video.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
   * @param audioSampleRate {@code -ar}: AAC sample rate; empty = the mix's own rate
   * @param audioChannels {@code -ac}: 1 or 2; empty = the mix's own layout
   * @param options every other output option, for the render module to route to its libav context
   */
  public record EncodeSettings(
      Optional<String> encoder,
      String preset,
      double crf,
      Optional<String> videoBitrate,
      String pixelFormat,
      String profile,
      String audioBitrate,
      boolean faststart,
      OptionalInt audioSampleRate,
      OptionalInt audioChannels,
      List<OutputOption> options) {
    public EncodeSettings {
      options = List.copyOf(options);
    }

    /** Settings without extra options, resampling or channel changes. */
    public EncodeSettings(Optional<String> encoder, String preset, double crf, Optional<String> videoBitrate, String pixelFormat,
        String profile, String audioBitrate, boolean faststart) {
      this(encoder, preset, crf, videoBitrate, pixelFormat, profile, audioBitrate, faststart, OptionalInt.empty(), OptionalInt.empty(), List.of());
    }

    public EncodeSettings withEncoder(String name) {
      return new EncodeSettings(Optional.of(name), preset, crf, videoBitrate, pixelFormat, profile, audioBitrate, faststart,
          audioSampleRate, audioChannels, options);
    }
  }
}
