package io.trailwatch.core.config;

import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.rule.Status;
import java.time.Duration;

/**
 * What the configuration changes about one rule without editing it; null means "as the rule says".
 * Overrides are how a team adjusts a rule to its estate: a rule that is always noise here can be turned
 * off, a rule that matters more here raised to CRITICAL.
 */
public record RuleOverride(Boolean enabled, Severity severity, Status status, Duration dedupWindow) {
  boolean disables() {
    return Boolean.FALSE.equals(enabled);
  }

  Rule applyTo(Rule r) {
    return new Rule(
        r.id(), r.title(), r.description(), r.category(),
        severity != null ? severity : r.severity(),
        status != null ? status : r.status(),
        r.matchPatterns(), r.conditions(), r.exceptions(), r.includeFailedCalls(), r.alertTitle(),
        r.dedupKeys(),
        dedupWindow != null ? dedupWindow : r.dedupWindow(),
        r.resources(), r.attack(), r.compliance(), r.falsePositives(), r.references(), r.alsoFires(),
        r.runbookPath(), r.folder(), r.firstSteps(), r.anchors(), r.threshold(), r.firstSeen());
  }
}
