package io.trailwatch.cli.scan;

import io.trailwatch.core.rule.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters a scan keeps while it runs, read by the progress line and the summary. Thread-safe. */
public final class ScanStats {
  public final LongAdder bytes = new LongAdder();
  public final LongAdder events = new LongAdder();
  public final LongAdder problems = new LongAdder();
  public final LongAdder ruleErrors = new LongAdder();
  public final AtomicLong filesDone = new AtomicLong();
  public long filesTotal;
  private final Map<Severity, LongAdder> bySeverity = new EnumMap<>(Severity.class);

  public ScanStats() {
    for (Severity s : Severity.values()) {
      bySeverity.put(s, new LongAdder());
    }
  }

  private final Map<String, LongAdder> raised = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> suppressed = new ConcurrentHashMap<>();

  public void finding(Severity severity) {
    bySeverity.get(severity).increment();
  }

  /** A rule fired, whether or not a suppression then hid its finding. */
  public void raised(String ruleId) {
    raised.computeIfAbsent(ruleId, k -> new LongAdder()).increment();
  }

  public void suppressed(String ruleId) {
    suppressed.computeIfAbsent(ruleId, k -> new LongAdder()).increment();
  }

  /** Findings each rule raised, by rule id (sorted). */
  public Map<String, Long> raisedByRule() {
    return sums(raised);
  }

  public Map<String, Long> suppressedByRule() {
    return sums(suppressed);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long findings(Severity severity) {
    return bySeverity.get(severity).sum();
  }

  public long findings() {
    long total = 0;
    for (LongAdder a : bySeverity.values()) {
      total += a.sum();
    }
    return total;
  }
}
