package dev.smelter.video.cli;

import dev.smelter.video.render.RenderProgress;
import java.io.Console;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/** A one-line terminal progress bar (frames, fps, ETA); silent when not on a terminal. */
final class ProgressBar implements RenderProgress.Listener {
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private boolean drawn;
  private long lastDraw;

  ProgressBar(PrintStream out, boolean enabled) {
    this(out, enabled, System::nanoTime);
  }

  /** @param nanoTime the clock that limits redraws to ten a second (a test's own clock) */
  ProgressBar(PrintStream out, boolean enabled, LongSupplier nanoTime) {
    this.out = out;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
  }

  /**
   * Whether the process talks to a terminal. {@code System.console()} alone does not say: JDK 22–24
   * return a Console even when the streams are piped or redirected (JDK 25 returns null there
   * again), so {@link Console#isTerminal()} decides.
   */
  static boolean onTerminal() {
    Console console = System.console();
    return console != null && console.isTerminal();
  }

  @Override
  public void onProgress(RenderProgress p) {
    if (!enabled) return;
    long now = nanoTime.getAsLong();
    if (drawn && now - lastDraw < REDRAW_NANOS && p.framesDone() < p.totalFrames()) return;
    drawn = true;
    lastDraw = now;
    out.print("\r" + line(p) + "   ");
    out.flush();
  }

  void done() {
    if (enabled && drawn) out.println();
  }

  /** One frame of the bar: {@code [#####     ] 10/60 frames  12.5 fps  ETA 0:04}. */
  static String line(RenderProgress p) {
    int width = 30;
    int filled = (int) Math.round(p.fraction() * width);
    return String.format(java.util.Locale.ROOT, "[%s%s] %d/%d frames  %.1f fps  ETA %s", "#".repeat(filled), " ".repeat(width - filled),
        p.framesDone(), p.totalFrames(), p.framesPerSecond(), eta(p.etaSeconds()));
  }

  private static String eta(double s) {
    if (!Double.isFinite(s)) return "--:--";
    long t = Math.round(s);
    return String.format("%d:%02d", t / 60, t % 60);
  }
}
