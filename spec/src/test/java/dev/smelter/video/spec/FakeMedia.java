package dev.smelter.video.spec;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.MediaProbe;
import dev.smelter.video.plan.Rational;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Media files for planner tests: the spec module cannot decode (the renderer's probe does that), so
 * each file is a placeholder on disk whose probed facts are given here.
 */
final class FakeMedia implements MediaProbe {
  private final Path dir;
  private final Map<Path, MediaInfo> facts = new HashMap<>();

  FakeMedia(Path dir) {
    this.dir = dir;
  }

  /** A video file of {@code seconds} at 64×112 / 10 fps with a sound track. */
  FakeMedia video(String name, double seconds) {
    return add(name, new MediaInfo(seconds, Optional.of(new MediaInfo.VideoStream(64, 112, 0, new Rational(10, 1), seconds)),
        Optional.of(new MediaInfo.AudioStream(48000, 2, seconds))));
  }

  /** An audio-only file of {@code seconds}. */
  FakeMedia audio(String name, double seconds) {
    return add(name, new MediaInfo(seconds, Optional.empty(), Optional.of(new MediaInfo.AudioStream(48000, 2, seconds))));
  }

  private FakeMedia add(String name, MediaInfo info) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, "placeholder");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    facts.put(file, info);
    return this;
  }

  @Override
  public MediaInfo probe(Path file) throws IOException {
    MediaInfo info = facts.get(file);
    if (info == null) throw new IOException("not a test medium: " + file);
    return info;
  }
}
