package io.trailwatch.core.rule;

import io.trailwatch.core.condition.Condition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One detection, as loaded from its folder. Immutable; everything a finding, a renderer or the catalog
 * test needs is here, so none of them reads YAML again.
 *
 * @param matchPatterns EventBridge patterns (JSON); the rule matches when any of them does
 * @param conditions all must hold for the rule to fire
 * @param exceptions any that holds stops the rule from firing
 * @param folder the rule's folder (on disk or inside the jar), for samples and the runbook; null for a
 *     compiled catalog
 * @param firstSteps the first steps of the runbook's Triage section, for alerts
 * @param anchors the rows of the research's anchor table this rule implements ({@code D1}, {@code CW.4}),
 *     for {@code docs/coverage.md}
 * @param threshold when set, the rule alerts on a burst of matching events, not on each
 * @param firstSeen when set, the rule alerts on a combination of values never seen before
 */
public record Rule(
    String id,
    String title,
    String description,
    Category category,
    Severity severity,
    Status status,
    List<String> matchPatterns,
    List<Condition> conditions,
    List<Condition> exceptions,
    boolean includeFailedCalls,
    String alertTitle,
    List<String> dedupKeys,
    Duration dedupWindow,
    List<ResourceRef> resources,
    List<String> attack,
    Map<String, List<String>> compliance,
    List<String> falsePositives,
    List<String> references,
    List<String> alsoFires,
    String runbookPath,
    Path folder,
    List<String> firstSteps,
    List<String> anchors,
    Threshold threshold,
    FirstSeen firstSeen) {

  /** A stateless rule that maps to no anchor row (tests and older callers). */
  public Rule(
      String id, String title, String description, Category category, Severity severity, Status status,
      List<String> matchPatterns, List<Condition> conditions, List<Condition> exceptions,
      boolean includeFailedCalls, String alertTitle, List<String> dedupKeys, Duration dedupWindow,
      List<ResourceRef> resources, List<String> attack, Map<String, List<String>> compliance,
      List<String> falsePositives, List<String> references, List<String> alsoFires, String runbookPath,
      Path folder, List<String> firstSteps) {
    this(id, title, description, category, severity, status, matchPatterns, conditions, exceptions,
        includeFailedCalls, alertTitle, dedupKeys, dedupWindow, resources, attack, compliance, falsePositives,
        references, alsoFires, runbookPath, folder, firstSteps, List.of(), null, null);
  }

  /** True when the rule needs state (counts, values seen) to decide, not the event alone. */
  public boolean stateful() {
    return threshold != null || firstSeen != null;
  }
}
