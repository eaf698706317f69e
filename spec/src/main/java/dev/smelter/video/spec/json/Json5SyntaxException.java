package dev.smelter.video.spec.json;

/** Malformed JSON5 input, with the 1-based line and column of the offending character. */
public final class Json5SyntaxException extends Exception {
  private final int line;
  private final int column;

  public Json5SyntaxException(String message, int line, int column) {
    super(message + " at " + line + ":" + column);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
