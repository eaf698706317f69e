package dev.smelter.video.server.job;

/** What a completed job produced. {@code renderTime} is in seconds. */
public record JobResult(
    String outputFilename, String downloadUrl, double duration, long size, int frames, String encoder, double renderTime) {}
