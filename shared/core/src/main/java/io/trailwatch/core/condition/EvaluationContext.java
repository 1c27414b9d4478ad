package io.trailwatch.core.condition;

import io.trailwatch.core.config.ChangeWindow;
import java.util.List;
import java.util.Map;

/**
 * What a condition may know beyond the event: the named allowlists of the tuning configuration (deployer
 * principals, trusted accounts, trusted networks) and its change windows. Rules refer to both by name, so
 * no ARN, network or schedule is ever written in a rule.
 */
public record EvaluationContext(Map<String, List<String>> allowlists, Map<String, ChangeWindow> changeWindows) {
  public static final EvaluationContext EMPTY = new EvaluationContext(Map.of(), Map.of());

  public EvaluationContext(Map<String, List<String>> allowlists) {
    this(allowlists, Map.of());
  }

  /** The named list, or an empty one: an unconfigured allowlist allows nobody. */
  public List<String> allowlist(String name) {
    return allowlists.getOrDefault(name, List.of());
  }

  /** The named change window, or null when the configuration defines none by that name. */
  public ChangeWindow changeWindow(String name) {
    return changeWindows.get(name);
  }
}
