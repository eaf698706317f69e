package dev.smelter.video.render;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished render produced (the CLI's {@code --json} and the job API report this).
 *
 * @param duration seconds of video ({@code frames / fps})
 * @param audioDuration seconds of audio, or 0 when the output has no audio stream
 */
public record RenderResult(
    Path output,
    int frames,
    double duration,
    double audioDuration,
    long sizeBytes,
    int width,
    int height,
    String fps,
    String encoder,
    String gpu,
    long seed,
    long wallMillis,
    List<String> warnings) {}
