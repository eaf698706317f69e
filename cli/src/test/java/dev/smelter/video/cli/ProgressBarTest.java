package dev.smelter.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.RenderProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The terminal bar: what each redraw says, and that redraws are limited to ten a second. */
class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong(-5_000_000_000L); // nanoTime may be negative

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsFramesFpsAndEtaAndRedrawsAtMostTenTimesASecond() {
    ProgressBar bar = new ProgressBar(out, true, clock::get);
    bar.onProgress(new RenderProgress(1, 60, 12.5, 4.72));
    assertThat(printed()).isEqualTo("\r[#                             ] 1/60 frames  12.5 fps  ETA 0:05   ");

    clock.addAndGet(50_000_000L); // 50 ms later: too soon to redraw
    bar.onProgress(new RenderProgress(2, 60, 13, 4.5));
    assertThat(printed()).doesNotContain("2/60");

    clock.addAndGet(60_000_000L); // 110 ms after the first redraw
    bar.onProgress(new RenderProgress(30, 60, 20.04, 75.4));
    assertThat(printed()).endsWith("\r[###############               ] 30/60 frames  20.0 fps  ETA 1:15   ");

    bar.onProgress(new RenderProgress(60, 60, 21, 0)); // the last frame is always drawn
    assertThat(printed()).endsWith("\r[##############################] 60/60 frames  21.0 fps  ETA 0:00   ");
    bar.done();
    assertThat(printed()).endsWith("ETA 0:00   " + System.lineSeparator());
  }

  @Test
  void anUnknownEtaIsShownAsDashes() {
    assertThat(ProgressBar.line(new RenderProgress(0, 10, 0, Double.POSITIVE_INFINITY)))
        .isEqualTo("[                              ] 0/10 frames  0.0 fps  ETA --:--");
  }

  @Test
  void disabledBarPrintsNothingNotEvenTheFinalNewline() {
    ProgressBar bar = new ProgressBar(out, false, clock::get);
    bar.onProgress(new RenderProgress(10, 10, 5, 0));
    bar.done();
    assertThat(printed()).isEmpty();
  }

  @Test
  void pipedOutputIsNotATerminal() {
    // surefire runs tests with the streams redirected (JDK 22–24 would still give a System.console() here)
    assertThat(ProgressBar.onTerminal()).isFalse();
  }
}
