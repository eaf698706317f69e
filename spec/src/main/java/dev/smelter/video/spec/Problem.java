package dev.smelter.video.spec;

/** One thing wrong with a spec, located by its JSON path ({@code clips[3].layers[0].path}). */
public record Problem(String path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
