package dev.smelter.video.plan;

/**
 * One ffmpeg output option from {@code customOutputArgs} (or the service's encoder arguments) that
 * the planner does not interpret itself: {@code -level 4.0}, {@code -g 60}, {@code -x264-params …},
 * {@code -avoid_negative_ts make_zero}. The spec module cannot ask FFmpeg which context knows the
 * option; the render module looks it up on the encoders' and the muxer's option tables, as
 * ffmpeg's own option parsing does, before any frame is drawn.
 *
 * @param at JSON path of the option's name, e.g. {@code customOutputArgs[12]}
 * @param valueAt JSON path of its value
 * @param name the option without its dash and stream specifier ({@code b} for {@code -b:a})
 * @param stream the streams the option addresses ({@code :v}, {@code :a}, or none = all)
 * @param value the value, as ffmpeg would hand it to {@code av_opt_set}
 */
public record OutputOption(String at, String valueAt, String name, Stream stream, String value) {
  /** Which output streams an option is meant for; {@link #ANY} also reaches the muxer. */
  public enum Stream { ANY, VIDEO, AUDIO }
}
