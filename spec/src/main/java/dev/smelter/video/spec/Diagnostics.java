package dev.smelter.video.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects errors and warnings while a spec is read and planned, so all are reported at once. */
public final class Diagnostics {
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  public void error(String path, String message) {
    errors.add(new Problem(path, message));
  }

  public void warn(String path, String message) {
    warnings.add(new Problem(path, message));
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<Problem> errors() {
    return List.copyOf(errors);
  }

  public List<Problem> warnings() {
    return List.copyOf(warnings);
  }

  public void throwIfErrors() throws SpecException {
    if (hasErrors()) throw new SpecException(errors);
  }
}
