package dev.smelter.video.render;

/** A render that failed after planning (decode error, encoder failure, timeout, cancellation). */
public final class RenderException extends Exception {
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }

  public RenderException(String message) {
    super(message);
  }
}
