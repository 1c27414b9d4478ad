package io.trailwatch.core.config;

import java.time.Instant;
import java.util.Set;

/**
 * A known-good case silenced for a while, with someone answerable for it: the findings of {@code rules}
 * whose event (or finding) matches {@code pattern} are not sent until {@code expires}, then they are
 * again, by themselves. {@code rules} holding {@code *} means every rule.
 *
 * @param pattern an EventBridge pattern (JSON) over the event, with the finding's fields under
 *     {@code finding}: {@code ruleId, severity, category, account, region, actor, sourceIp, resources}
 * @param line where it is written, for messages
 */
public record Suppression(
    String id, Set<String> rules, String pattern, String owner, String reason, Instant expires, int line) {
  public boolean appliesTo(String ruleId) {
    return rules.contains("*") || rules.contains(ruleId);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expires);
  }
}
