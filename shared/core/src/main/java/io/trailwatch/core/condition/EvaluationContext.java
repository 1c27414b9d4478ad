package io.trailwatch.core.condition;

import java.util.List;
import java.util.Map;

/**
 * What a condition may know beyond the event: the named allowlists of the tuning configuration (deployer
 * principals, trusted accounts...). Rules refer to a list by name so no ARN is ever written in a rule.
 */
public record EvaluationContext(Map<String, List<String>> allowlists) {
  public static final EvaluationContext EMPTY = new EvaluationContext(Map.of());

  /** The named list, or an empty one: an unconfigured allowlist allows nobody. */
  public List<String> allowlist(String name) {
    return allowlists.getOrDefault(name, List.of());
  }
}
