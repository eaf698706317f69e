package dev.smelter.video.render.compose;

/** A layer could not be drawn; {@link #at()} names it in the spec ({@code clips[3].layers[0]}). */
public final class CompositionException extends RuntimeException {
  private final String at;

  public CompositionException(String at, String message, Throwable cause) {
    super(at + ": " + message, cause);
    this.at = at;
  }

  public CompositionException(String at, String message) {
    this(at, message, null);
  }

  public String at() {
    return at;
  }
}
