package io.trailwatch.core.config;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.rule.Severity;
import java.util.Set;

/**
 * Which findings a destination takes: at least a severity, and when given, only these categories,
 * accounts or rules. Empty sets mean "any".
 */
public record RouteFilter(Severity minimum, Set<String> categories, Set<String> accounts, Set<String> rules) {
  public static final RouteFilter ALL = new RouteFilter(Severity.INFORMATIONAL, Set.of(), Set.of(), Set.of());

  public boolean accepts(Finding f) {
    Severity severity;
    try {
      severity = Severity.parse(f.severity());
    } catch (IllegalArgumentException e) {
      severity = Severity.INFORMATIONAL;
    }
    return severity.compareTo(minimum) >= 0
        && (categories.isEmpty() || categories.contains(f.category()))
        && (accounts.isEmpty() || accounts.contains(f.account()))
        && (rules.isEmpty() || rules.contains(f.ruleId()));
  }
}
