package dev.smelter.video.plan;

import java.nio.file.Path;

/** The font a text layer uses: a file from {@code fontPath} (per job), or an installed family. */
public sealed interface FontRef {
  record File(Path path) implements FontRef {}

  record Family(String name) implements FontRef {}

  FontRef DEFAULT = new Family("sans-serif");
}
