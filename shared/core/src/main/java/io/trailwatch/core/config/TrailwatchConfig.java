package io.trailwatch.core.config;

import io.trailwatch.core.condition.EvaluationContext;
import io.trailwatch.core.rule.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuning configuration (DESIGN.md, Tuning): everything a security team changes without a deploy.
 * Read by {@link ConfigLoader} from {@code trailwatch.yaml} for the CLI and from a Parameter Store
 * parameter in AWS; {@code docs/tuning.md} explains each section by example and
 * {@code docs/trailwatch.schema.json} is its schema.
 *
 * @param source where it was read from, for messages
 * @param version an identifier of the text it was read from (its hash), so a refresh that reads the same
 *     text again keeps the built detector
 * @param digestThreshold alerts of one rule within its window before the rest arrive as a digest; null
 *     when the configuration does not say (the deployment's default applies)
 * @param accountNames friendly names of account ids, for alerts
 * @param problems what is wrong but does not stop it from being used (expired suppressions)
 */
public record TrailwatchConfig(
    String source,
    String version,
    Map<String, Allowlist> allowlists,
    Map<String, RuleOverride> overrides,
    List<Suppression> suppressions,
    Map<String, ChangeWindow> changeWindows,
    Routing routing,
    Integer digestThreshold,
    Map<String, String> accountNames,
    List<ConfigProblem> problems) {

  public static final TrailwatchConfig EMPTY =
      new TrailwatchConfig("(no configuration)", "empty", Map.of(), Map.of(), List.of(), Map.of(), Routing.DEFAULT,
          null, Map.of(), List.of());

  /** What conditions may consult: the allowlists' entries by name and the change windows. */
  public EvaluationContext context() {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    allowlists.forEach((name, list) -> lists.put(name, list.entries()));
    return new EvaluationContext(lists, changeWindows);
  }

  /** The catalog as this configuration runs it: disabled rules left out, overrides applied. */
  public List<Rule> tune(List<Rule> catalog) {
    List<Rule> out = new ArrayList<>(catalog.size());
    for (Rule rule : catalog) {
      RuleOverride o = overrides.get(rule.id());
      if (o == null) {
        out.add(rule);
      } else if (!o.disables()) {
        out.add(o.applyTo(rule));
      }
    }
    return out;
  }

  /** Suppressions that have expired by now (they no longer suppress anything). */
  public List<Suppression> expiredAt(java.time.Instant now) {
    return suppressions.stream().filter(s -> s.expiredAt(now)).toList();
  }
}
