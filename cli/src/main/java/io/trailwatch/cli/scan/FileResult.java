package io.trailwatch.cli.scan;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.input.InputProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What one file gave: its findings and the first problems (the rest are only counted, so a file of
 * garbage cannot flood the terminal or the memory).
 */
final class FileResult {
  static final int MAX_PROBLEMS_KEPT = 50;

  final List<Finding> findings = new ArrayList<>();
  final List<InputProblem> problems = new ArrayList<>();
  long problemsDropped;

  void problem(InputProblem problem) {
    if (problems.size() < MAX_PROBLEMS_KEPT) {
      problems.add(problem);
    } else {
      problemsDropped++;
    }
  }
}
