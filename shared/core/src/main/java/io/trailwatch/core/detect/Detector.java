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
 * Runs the whole catalog over one event. A prefilter, a few hash lookups indexed by event name, names
 * the rules the event may match (most events: none) and proves most of their matches outright; each of
 * the others is judged by Event Ruler (the matching engine EventBridge is built on) on only the fields its
 * own pattern reads, and the verdict is remembered per rule and set of values read, since real traffic
 * repeats the same shapes. A rule's
 * verdict depends on nothing but its own pattern and fields, so judging rules one by one gives what one
 * machine of the whole catalog would, at a cost that does not grow with the catalog. Only the rules whose
 * pattern matched run their Java conditions. Thread-safe: one detector serves every thread of a scan.
 */
public final class Detector {
  private final Prefilter<Matcher> prefilter = new Prefilter<>();
  private static final int MAX_VERDICTS = 4096;
  /** Each rule's own matcher: its patterns in a machine, the fields they read, its remembered verdicts. */
  private final Map<String, Matcher> matchers = new HashMap<>();

  /**
   * One rule's matcher. Its Event Ruler machine is compiled on first use: a detector holds a hundred and
   * fifty of them and a cold start needs the few its first event concerns (SnapStart priming compiles all
   * of them before the snapshot, {@link #warm}). The loader has already checked every pattern compiles.
   */
  private static final class Matcher {
    final Rule rule;
    /** The rule's place in id order: the findings of one event come in that order. */
    int order;
    final List<String> patterns = new ArrayList<>();
    final FieldTrie fields = new FieldTrie();
    final Map<ObjectNode, Boolean> verdicts = new ConcurrentHashMap<>();
    private volatile GenericMachine<String> machine;

    Matcher(Rule rule) {
      this.rule = rule;
    }

    GenericMachine<String> machine() {
      GenericMachine<String> m = machine;
      if (m == null) {
        synchronized (this) {
          m = machine;
          if (m == null) {
            m = new GenericMachine<>();
            for (String pattern : patterns) {
              try {
                m.addRule(rule.id(), pattern);
              } catch (IOException e) {
                throw new UncheckedIOException("pattern of rule " + rule.id() + " does not compile", e);
              }
            }
            machine = m;
          }
        }
      }
      return m;
    }

    boolean matches(ObjectNode envelope) {
      ObjectNode read = fields.prune(envelope);
      Boolean known = verdicts.get(read);
      if (known != null) {
        return known;
      }
      boolean matched = !machine().rulesForJSONEvent(read).isEmpty();
      if (verdicts.size() >= MAX_VERDICTS) {
        verdicts.clear();
      }
      verdicts.put(read, matched);
      return matched;
    }
  }
  private final EvaluationContext context;
  private final RuleErrorListener errors;

  public Detector(List<Rule> catalog, EvaluationContext context, RuleErrorListener errors) {
    this.context = context;
    this.errors = errors;
    for (Rule rule : catalog) {
      if (rule.status() == Status.DEPRECATED || !rule.conditions().stream().allMatch(c -> c.possible(context))) {
        continue; // deprecated, or a condition no event can meet under this configuration
      }
      Matcher matcher = new Matcher(rule);
      matchers.put(rule.id(), matcher);
      for (String pattern : rule.matchPatterns()) {
        try {
          matcher.patterns.add(pattern);
          JsonNode tree = Json.MAPPER.readTree(pattern);
          matcher.fields.addPattern(tree);
          prefilter.addPattern(matcher, tree);
        } catch (IOException e) {
          throw new UncheckedIOException("pattern of rule " + rule.id() + " does not compile", e);
        }
      }
    }
    int order = 0;
    for (String id : new java.util.TreeSet<>(matchers.keySet())) {
      matchers.get(id).order = order++;
    }
  }

  public Detector(List<Rule> catalog) {
    this(catalog, EvaluationContext.EMPTY, (rule, event, error) -> {});
  }

  /** Compiles every rule's machine now (before a SnapStart snapshot), not on first use. */
  public void warm() {
    matchers.values().forEach(Matcher::machine);
  }

  /** The rules this detector runs (deprecated ones are left out). */
  public int ruleCount() {
    return matchers.size();
  }

  /** Every finding for the event, in a stable order (by rule id). */
  public List<Finding> evaluate(AwsEvent event) {
    List<Rule> fired = firedRules(event);
    if (fired.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>(fired.size());
    for (Rule rule : fired) {
      findings.add(toFinding(rule, event));
    }
    return findings;
  }

  /**
   * The rules the event fires, by id, without building their findings: a stateful rule's finding is
   * built only if its state admits it (most matches of a first-seen rule are not new).
   */
  public List<Rule> firedRules(AwsEvent event) {
    List<Matcher> candidates = new ArrayList<>(); // no array until a candidate comes: most events have none
    List<Matcher> proven = new ArrayList<>();
    prefilter.candidates(event, candidates, proven);
    if (candidates.isEmpty()) {
      return List.of();
    }
    if (candidates.size() > 1) {
      candidates.sort(BY_ORDER); // stable order (by rule id), once each
      for (int i = candidates.size() - 1; i > 0; i--) {
        if (candidates.get(i) == candidates.get(i - 1)) {
          candidates.remove(i);
        }
      }
    }
    List<Rule> fired = new ArrayList<>(1);
    boolean failedCall = event.failed();
    for (Matcher candidate : candidates) {
      Rule rule = candidate.rule;
      if (failedCall && !rule.includeFailedCalls()) {
        continue;
      }
      try {
        // A pattern the prefilter proves needs no Event Ruler walk (ProvenMatchesAgreeTest checks it agrees).
        if ((proven.contains(candidate) || candidate.matches(event.envelope())) && fires(rule, event)) {
          fired.add(rule);
        }
      } catch (RuntimeException e) {
        errors.ruleFailed(rule, event, e);
      }
    }
    return fired;
  }

  private static final java.util.Comparator<Matcher> BY_ORDER = java.util.Comparator.comparingInt(m -> m.order);

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

  /** The finding of a rule that fired on the event. */
  public static Finding toFinding(Rule rule, AwsEvent event) {
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
      default -> event.text(field);
    };
  }
}
