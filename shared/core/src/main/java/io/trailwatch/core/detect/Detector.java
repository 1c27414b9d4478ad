package io.trailwatch.core.detect;

import io.trailwatch.core.condition.Condition;
import io.trailwatch.core.condition.EvaluationContext;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingIds;
import io.trailwatch.core.finding.TitleTemplate;
import io.trailwatch.core.rule.ResourceRef;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.GenericMachine;

/**
 * Runs the whole catalog over one event in one pass: every rule's pattern lives in a single Event Ruler
 * machine (the matching engine EventBridge is built on), so the cost of matching barely grows with the
 * number of rules. Only the rules whose pattern matched run their Java conditions. Thread-safe: one
 * detector serves every thread of a scan.
 */
public final class Detector {
  private final GenericMachine<String> machine = new GenericMachine<>();
  private final FieldTrie fields = new FieldTrie();
  private final Prefilter prefilter = new Prefilter();
  private static final int MAX_VERDICTS = 4096;
  private final Map<ObjectNode, List<String>> verdicts = new ConcurrentHashMap<>();
  private final Map<String, Rule> rules = new HashMap<>();
  private final EvaluationContext context;
  private final RuleErrorListener errors;

  public Detector(List<Rule> catalog, EvaluationContext context, RuleErrorListener errors) {
    this.context = context;
    this.errors = errors;
    for (Rule rule : catalog) {
      if (rule.status() == Status.DEPRECATED) {
        continue;
      }
      rules.put(rule.id(), rule);
      for (String pattern : rule.matchPatterns()) {
        try {
          machine.addRule(rule.id(), pattern);
          JsonNode tree = Json.MAPPER.readTree(pattern);
          fields.addPattern(tree);
          prefilter.addPattern(tree);
        } catch (IOException e) {
          throw new UncheckedIOException("pattern of rule " + rule.id() + " does not compile", e);
        }
      }
    }
  }

  public Detector(List<Rule> catalog) {
    this(catalog, EvaluationContext.EMPTY, (rule, event, error) -> {});
  }

  /** The rules this detector runs (deprecated ones are left out). */
  public int ruleCount() {
    return rules.size();
  }

  /** Every finding for the event, in a stable order (by rule id). */
  public List<Finding> evaluate(AwsEvent event) {
    if (!prefilter.mayMatch(event.envelope())) {
      return List.of();
    }
    List<String> matched = match(fields.prune(event.envelope()));
    if (matched.isEmpty()) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>(matched);
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    List<Finding> findings = new ArrayList<>(1);
    boolean failedCall = event.failed();
    for (String id : sorted) {
      Rule rule = rules.get(id);
      if (failedCall && !rule.includeFailedCalls()) {
        continue;
      }
      try {
        if (fires(rule, event)) {
          findings.add(toFinding(rule, event));
        }
      } catch (RuntimeException e) {
        errors.ruleFailed(rule, event, e);
      }
    }
    return findings;
  }

  /**
   * Event Ruler's verdict on the fields the patterns read. The verdict depends on nothing else, and real
   * traffic repeats the same few shapes (the pipeline's deploys, the same console sign-ins), so verdicts
   * are remembered in a bounded map: a repeat costs a hash of a dozen fields instead of a machine walk.
   */
  private List<String> match(ObjectNode fieldsRead) {
    List<String> known = verdicts.get(fieldsRead);
    if (known != null) {
      return known;
    }
    List<String> matched = machine.rulesForJSONEvent(fieldsRead);
    if (verdicts.size() >= MAX_VERDICTS) {
      verdicts.clear();
    }
    verdicts.put(fieldsRead, matched);
    return matched;
  }

  private boolean fires(Rule rule, AwsEvent event) {
    for (Condition condition : rule.conditions()) {
      if (!condition.test(event, context)) {
        return false;
      }
    }
    for (Condition exception : rule.exceptions()) {
      if (exception.test(event, context)) {
        return false;
      }
    }
    return true;
  }

  static Finding toFinding(Rule rule, AwsEvent event) {
    String eventKey = event.eventId();
    if (eventKey == null) {
      eventKey = event.envelope().toString();
    }
    List<Finding.Resource> resources = new ArrayList<>();
    for (ResourceRef ref : rule.resources()) {
      for (JsonNode value : Json.all(event.envelope(), ref.field())) {
        if (value.isValueNode() && !value.asText().isEmpty()) {
          resources.add(new Finding.Resource(ref.type(), value.asText()));
        }
      }
    }
    return new Finding(
        FindingIds.of(rule.id(), eventKey),
        rule.id(),
        TitleTemplate.render(rule.alertTitle(), event),
        rule.category().label(),
        rule.severity().name(),
        rule.status().label(),
        event.eventId(),
        event.eventTime(),
        event.eventSource(),
        event.eventName(),
        event.account(),
        event.region(),
        event.principal(),
        event.sourceIp(),
        event.userAgent(),
        resources,
        rule.attack(),
        rule.compliance(),
        rule.runbookPath(),
        rule.title(),
        rule.description(),
        dedupKey(rule, event),
        rule.dedupWindow().toSeconds(),
        rule.firstSteps());
  }

  private static String dedupKey(Rule rule, AwsEvent event) {
    StringBuilder key = new StringBuilder(rule.id());
    for (String field : rule.dedupKeys()) {
      String value = valueOf(rule, event, field);
      key.append('|').append(value == null ? "" : value);
    }
    return key.toString();
  }

  /**
   * A key field's value, as dedup keys, thresholds and first-seen keys name them: {@code ruleId},
   * {@code eventId}, {@code account}, {@code region}, {@code actor} (the role behind a session), or a
   * dotted path into the event.
   */
  static String valueOf(Rule rule, AwsEvent event, String field) {
    return switch (field) {
      case "ruleId" -> rule.id();
      case "eventId" -> event.eventId();
      case "account" -> event.account();
      case "region" -> event.region();
      case "actor" -> event.actorArn();
      case "sourceIp" -> event.sourceIp();
      default -> Json.text(event.envelope(), field);
    };
  }

  /** The rule of that id as this detector runs it, or null. */
  public Rule rule(String id) {
    return rules.get(id);
  }
}
