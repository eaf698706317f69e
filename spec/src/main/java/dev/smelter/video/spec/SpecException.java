package dev.smelter.video.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be rendered, with every problem found (not just the first). */
public final class SpecException extends Exception {
  private final List<Problem> problems;

  public SpecException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public SpecException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
