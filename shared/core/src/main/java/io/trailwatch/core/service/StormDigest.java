package io.trailwatch.core.service;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingIds;
import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.LedgerUnavailableException;
import io.trailwatch.core.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a storm into digests. Once one rule has raised more than {@code threshold} alerts in one account
 * within the rule's window, its further findings are no longer sent one by one: each batch the router
 * handles sends one digest per rule and account that lists them (title, time, principal), so 300
 * identical changes become a few messages, and no finding is lost from view. The count lives in the same
 * store as the dedup windows, so it holds across batches and router instances.
 */
final class StormDigest {
  static final int MAX_LISTED = 20;

  private final DedupStore store;
  private final int threshold;
  private final OpsLog log;

  StormDigest(DedupStore store, int threshold, OpsLog log) {
    this.store = store;
    this.threshold = threshold;
    this.log = log;
  }

  /** What to send: findings on their own, and digests that stand for held findings. */
  record Plan(List<Finding> individual, Map<Finding, List<Finding>> digests) {}

  Plan plan(List<Finding> findings) {
    List<Finding> individual = new ArrayList<>();
    Map<String, List<Finding>> held = new LinkedHashMap<>();
    Map<String, DedupStore.Occurrence> counts = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (threshold <= 0) {
        individual.add(f);
        continue;
      }
      String key = "storm|" + f.ruleId() + "|" + f.account();
      DedupStore.Occurrence occurrence;
      try {
        occurrence = RouteService.record(store, key, f);
      } catch (LedgerUnavailableException e) {
        individual.add(f);
        continue;
      }
      if (occurrence.count() <= threshold) {
        individual.add(f);
      } else {
        held.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        counts.put(key, occurrence);
      }
    }
    Map<Finding, List<Finding>> digests = new LinkedHashMap<>();
    held.forEach((key, group) -> {
      Finding digest = digest(group, counts.get(key));
      log.warn("storm: findings sent as one digest", "ruleId", group.get(0).ruleId(), "account", group.get(0).account(),
          "findings", group.size(), "countInWindow", counts.get(key).count(), "digestId", digest.id());
      digests.put(digest, group);
    });
    return new Plan(individual, digests);
  }

  private Finding digest(List<Finding> group, DedupStore.Occurrence occurrence) {
    Finding first = group.get(0);
    StringBuilder ids = new StringBuilder();
    StringBuilder listing = new StringBuilder();
    Severity highest = Severity.INFORMATIONAL;
    List<Finding.Resource> resources = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Finding f = group.get(i);
      ids.append(f.id()).append(',');
      Severity s = Severity.valueOf(f.severity());
      highest = s.compareTo(highest) > 0 ? s : highest;
      if (i < MAX_LISTED) {
        listing.append("- ").append(f.eventTime()).append(' ').append(f.title()).append('\n');
        resources.addAll(f.resources());
      }
    }
    if (group.size() > MAX_LISTED) {
      listing.append("- and ").append(group.size() - MAX_LISTED).append(" more\n");
    }
    String title = group.size() + " more \"" + first.ruleTitle() + "\" findings in " + first.account() + " ("
        + occurrence.count() + " since " + occurrence.firstSeen() + ", over the storm threshold of " + threshold + ")";
    String description = "Storm digest: these findings of rule " + first.ruleId()
        + " are listed here instead of alerting one by one.\n" + listing;
    return new Finding(FindingIds.of("digest", ids.toString()), first.ruleId(), title, first.category(),
        highest.name(), first.status(), first.eventId(), group.get(group.size() - 1).eventTime(), first.eventSource(),
        first.eventName(), first.account(), first.region(), null, null, null,
        List.copyOf(resources.subList(0, Math.min(resources.size(), 32))), first.attack(), first.compliance(),
        first.runbook(), first.ruleTitle(), description, null, first.dedupWindowSeconds(), first.firstSteps());
  }
}
