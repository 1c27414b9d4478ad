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
    List<String> firstSteps) {}
