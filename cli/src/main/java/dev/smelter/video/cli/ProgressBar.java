package dev.smelter.video.cli;

import dev.smelter.video.render.RenderProgress;
import java.io.PrintStream;

/** A one-line terminal progress bar (frames, fps, ETA); silent when not on a terminal. */
final class ProgressBar implements RenderProgress.Listener {
  private final PrintStream out;
  private final boolean enabled;
  private long lastDraw;

  ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  @Override
  public void onProgress(RenderProgress p) {
    if (!enabled) return;
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && p.framesDone() < p.totalFrames()) return;
    lastDraw = now;
    int width = 30;
    int filled = (int) Math.round(p.fraction() * width);
    out.printf("\r[%s%s] %d/%d frames  %.1f fps  ETA %s   ", "#".repeat(filled), " ".repeat(width - filled),
        p.framesDone(), p.totalFrames(), p.framesPerSecond(), eta(p.etaSeconds()));
    out.flush();
  }

  void done() {
    if (enabled && lastDraw != 0) out.println();
  }

  private static String eta(double s) {
    if (!Double.isFinite(s)) return "--:--";
    long t = Math.round(s);
    return String.format("%d:%02d", t / 60, t % 60);
  }
}
