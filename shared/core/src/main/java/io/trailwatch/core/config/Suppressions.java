package io.trailwatch.core.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.event.ruler.GenericMachine;

/**
 * The configuration's suppressions, compiled into one Event Ruler machine, and how many findings each has
 * hidden: a suppression that hides a lot should be seen ({@code trailwatch scan --stats}, the detector's
 * log). Thread-safe.
 */
public final class Suppressions {
  public static final Suppressions NONE = new Suppressions(List.of());

  private final Map<String, Suppression> byId = new LinkedHashMap<>();
  private final Map<String, LongAdder> counts = new LinkedHashMap<>();
  private final GenericMachine<String> machine = new GenericMachine<>();

  /** @throws IllegalArgumentException when a pattern does not compile (validation has said so first) */
  public Suppressions(List<Suppression> suppressions) {
    for (Suppression s : suppressions) {
      byId.put(s.id(), s);
      counts.put(s.id(), new LongAdder());
      try {
        machine.addRule(s.id(), s.pattern());
      } catch (Exception e) {
        throw new IllegalArgumentException("suppression '" + s.id() + "': invalid pattern: " + e.getMessage(), e);
      }
    }
  }

  /**
   * What the suppressions say about one finding.
   *
   * @param by the suppression that hides it, or null
   * @param expired suppressions that would have hidden it had they not expired, for the log
   */
  public record Verdict(Suppression by, List<Suppression> expired) {
    static final Verdict NOT_SUPPRESSED = new Verdict(null, List.of());

    public boolean suppressed() {
      return by != null;
    }
  }

  public Verdict check(Finding finding, AwsEvent event, Instant now) {
    if (byId.isEmpty()) {
      return Verdict.NOT_SUPPRESSED;
    }
    List<String> matched = machine.rulesForJSONEvent(document(finding, event));
    if (matched.isEmpty()) {
      return Verdict.NOT_SUPPRESSED;
    }
    List<Suppression> expired = new ArrayList<>();
    for (Suppression s : byId.values()) { // configuration order: the first written wins
      if (!matched.contains(s.id()) || !s.appliesTo(finding.ruleId())) {
        continue;
      }
      if (s.expiredAt(now)) {
        expired.add(s);
        continue;
      }
      counts.get(s.id()).increment();
      return new Verdict(s, List.of());
    }
    return new Verdict(null, expired);
  }

  /** The event's fields at the top, as EventBridge delivers it, and the finding's under {@code finding}. */
  static ObjectNode document(Finding f, AwsEvent event) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    event.envelope().fields().forEachRemaining(e -> doc.set(e.getKey(), e.getValue()));
    ObjectNode fields = doc.putObject("finding");
    fields.put("ruleId", f.ruleId());
    fields.put("severity", f.severity());
    fields.put("category", f.category());
    fields.put("account", f.account());
    fields.put("region", f.region());
    if (f.principal() != null) {
      fields.put("actor", f.principal().arn());
    }
    fields.put("sourceIp", f.sourceIp());
    ArrayNode resources = fields.putArray("resources");
    f.resources().forEach(r -> resources.add(r.id()));
    return doc;
  }

  /** Findings hidden so far, by suppression id, in configuration order (zeros included). */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((id, n) -> out.put(id, n.sum()));
    return out;
  }

  public List<Suppression> all() {
    return List.copyOf(byId.values());
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
