package dev.smelter.video.server.job;

/** Render progress as the worker reports it. {@code eta} is in seconds, -1 while unknown. */
public record Progress(double percent, int framesDone, int totalFrames, double framesPerSecond, double eta) {
  public static final Progress NONE = new Progress(0, 0, 0, 0, -1);
}
