package io.trailwatch.core.finding;

import io.trailwatch.core.event.Principal;
import java.util.List;
import java.util.Map;

/**
 * What one rule concluded about one event: the finding format of DESIGN.md. Scripts outside the project
 * read it as JSON Lines, so fields are only ever added, never renamed or dropped; {@link FindingJson}
 * writes and reads it, field by field.
 *
 * @param id stable: the same rule and event always give the same id (dedup, Security Hub upserts)
 * @param dedupKey the values of the rule's dedup keys, joined; equal keys within the window are one alert
 * @param dedupWindowSeconds the rule's dedup window: how long repeats of the same key are one alert
 * @param firstSteps what to do in the first minutes: the first steps of the rule's runbook
 */
public record Finding(
    String id,
    String ruleId,
    String title,
    String category,
    String severity,
    String status,
    String eventId,
    String eventTime,
    String eventSource,
    String eventName,
    String account,
    String region,
    Principal principal,
    String sourceIp,
    String userAgent,
    List<Resource> resources,
    List<String> attack,
    Map<String, List<String>> compliance,
    String runbook,
    String ruleTitle,
    String description,
    String dedupKey,
    long dedupWindowSeconds,
    List<String> firstSteps) {

  /** The default dedup window, one hour, for findings written before the window was part of the format. */
  public static final long DEFAULT_DEDUP_WINDOW_SECONDS = 3600;

  public Finding(
      String id, String ruleId, String title, String category, String severity, String status, String eventId,
      String eventTime, String eventSource, String eventName, String account, String region, Principal principal,
      String sourceIp, String userAgent, List<Resource> resources, List<String> attack,
      Map<String, List<String>> compliance, String runbook, String ruleTitle, String description, String dedupKey) {
    this(id, ruleId, title, category, severity, status, eventId, eventTime, eventSource, eventName, account, region,
        principal, sourceIp, userAgent, resources, attack, compliance, runbook, ruleTitle, description, dedupKey,
        DEFAULT_DEDUP_WINDOW_SECONDS, List.of());
  }

  public Finding(
      String id, String ruleId, String title, String category, String severity, String status, String eventId,
      String eventTime, String eventSource, String eventName, String account, String region, Principal principal,
      String sourceIp, String userAgent, List<Resource> resources, List<String> attack,
      Map<String, List<String>> compliance, String runbook, String ruleTitle, String description, String dedupKey,
      long dedupWindowSeconds) {
    this(id, ruleId, title, category, severity, status, eventId, eventTime, eventSource, eventName, account, region,
        principal, sourceIp, userAgent, resources, attack, compliance, runbook, ruleTitle, description, dedupKey,
        dedupWindowSeconds, List.of());
  }

  /** An affected resource: ASFF type and identifier (ARN, name or id as the event gives it). */
  public record Resource(String type, String id) {}
}
