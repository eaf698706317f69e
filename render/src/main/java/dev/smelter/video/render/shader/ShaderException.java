package dev.smelter.video.render.shader;

/** A shader could not be compiled, linked or drawn; the message carries the GL info log. */
public final class ShaderException extends Exception {
  public ShaderException(String message) {
    super(message);
  }

  public ShaderException(String message, Throwable cause) {
    super(message, cause);
  }
}
