package dev.smelter.video.plan;

import java.io.IOException;
import java.nio.file.Path;

/** Reads durations and stream facts of media files; implemented by the render module. */
@FunctionalInterface
public interface MediaProbe {
  MediaInfo probe(Path file) throws IOException;
}
