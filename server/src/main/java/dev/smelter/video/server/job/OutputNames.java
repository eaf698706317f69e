package dev.smelter.video.server.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output names that never overwrite another job's output in flight. Editly's server used the
 * requested {@code outputFilename} verbatim and overwrote whatever was there; we keep that for a name
 * whose earlier job has finished (re-rendering {@code TEST.mp4} replaces it, as before), but while
 * an unfinished job holds a name, a new job asking for it gets {@code <stem>-2.<ext>},
 * {@code <stem>-3.<ext>}, …, answered in its {@code outputFilename} and {@code downloadUrl}. The queue
 * picks the name atomically at submission (docs/service.md "Output names").
 */
public final class OutputNames {
  private OutputNames() {}

  /** Numbered variants tried before the job id makes the name unique. */
  private static final int NUMBERED = 9;

  /** The requested name first, then its variants; the last one contains the job id, so it is free. */
  public static List<String> candidates(String requested, String jobId) {
    int dot = requested.lastIndexOf('.');
    String stem = dot > 0 ? requested.substring(0, dot) : requested;
    String ext = dot > 0 ? requested.substring(dot) : "";
    List<String> all = new ArrayList<>(List.of(requested));
    for (int n = 2; n <= NUMBERED; n++) all.add(stem + "-" + n + ext);
    all.add(stem + "-" + jobId + ext);
    return all;
  }

  /**
   * A default name when the request gives none: Editly's {@code output-<ms>.mp4} plus 48 random bits,
   * so calls in the same millisecond (on any API node) do not pick the same one.
   */
  public static String generated(String extension) {
    return "output-" + System.currentTimeMillis() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 44, 1L << 48))
        + extension;
  }
}
