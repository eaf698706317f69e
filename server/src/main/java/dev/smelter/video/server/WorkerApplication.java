package dev.smelter.video.server;

/** Entry point of a fleet render worker process ({@code smelter-video worker} does the same). */
public final class WorkerApplication {
  private WorkerApplication() {}

  public static void main(String[] args) {
    ServerApplication.startWorker(args);
  }
}
