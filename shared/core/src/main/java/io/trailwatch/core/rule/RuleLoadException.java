package io.trailwatch.core.rule;

import java.util.List;

/** One or more rule files are broken; the message names each file, line and problem. */
public class RuleLoadException extends RuntimeException {
  private final List<String> problems;

  public RuleLoadException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
