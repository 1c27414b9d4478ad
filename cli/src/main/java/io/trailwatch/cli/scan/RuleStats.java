package io.trailwatch.cli.scan;

import io.trailwatch.core.config.Suppression;
import io.trailwatch.core.config.Tuned;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code scan --stats}: what each rule raised over the scanned logs and what the configuration hid, so
 * the effect of a new rule or a tuning change is seen on last month's CloudTrail before it ships.
 *
 * <pre>
 * rule                                              raised  suppressed      sent
 * lambda_function_code_updated_outside_pipeline         42          40         2
 *
 * suppression                      hid  owner                 expires
 * hotfix-role-lambda                40  platform@example.com  2026-12-31
 * </pre>
 */
public final class RuleStats {
  private final ScanStats stats;
  private final Tuned engine;
  private final Instant now;

  /** @param now what the suppressions' expiries are judged against */
  public RuleStats(ScanStats stats, Tuned engine, Instant now) {
    this.stats = stats;
    this.engine = engine;
    this.now = now;
  }

  /**
   * An expiry as it was written: a date means the end of that day in UTC, so an instant at midnight UTC
   * shows as the day before it ({@code expires: 2026-12-31} is 2027-01-01T00:00:00Z and shows as
   * 2026-12-31); any other instant shows as itself.
   */
  public static String expiry(Instant expires) {
    ZonedDateTime utc = expires.atZone(ZoneOffset.UTC);
    return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().minusDays(1).toString() : expires.toString();
  }

  public void print(PrintStream out) {
    Map<String, Long> raised = new TreeMap<>(stats.raisedByRule());
    Map<String, Long> suppressed = stats.suppressedByRule();
    String total = "total (" + raised.size() + " rules fired of " + engine.detector().ruleCount() + ")";
    int width = Math.max(total.length(), raised.keySet().stream().mapToInt(String::length).max().orElse(4));
    out.printf("%-" + width + "s %8s %11s %8s%n", "rule", "raised", "suppressed", "sent");
    long totalRaised = 0;
    long totalSuppressed = 0;
    for (Map.Entry<String, Long> e : raised.entrySet()) {
      long hid = suppressed.getOrDefault(e.getKey(), 0L);
      out.printf("%-" + width + "s %8d %11d %8d%n", e.getKey(), e.getValue(), hid, e.getValue() - hid);
      totalRaised += e.getValue();
      totalSuppressed += hid;
    }
    out.printf("%-" + width + "s %8d %11d %8d%n", total, totalRaised, totalSuppressed, totalRaised - totalSuppressed);
    if (engine.suppressions().isEmpty()) {
      return;
    }
    Map<String, Long> hid = engine.suppressions().counts();
    int idWidth = Math.max(11, hid.keySet().stream().mapToInt(String::length).max().orElse(11));
    out.println();
    int ownerWidth = Math.max(5, engine.suppressions().all().stream().mapToInt(s -> s.owner().length()).max().orElse(5));
    out.printf("%-" + idWidth + "s %8s  %-" + ownerWidth + "s  %s%n", "suppression", "hid", "owner", "expires");
    for (Suppression s : engine.suppressions().all()) {
      out.printf("%-" + idWidth + "s %8d  %-" + ownerWidth + "s  %s%s%n", s.id(), hid.getOrDefault(s.id(), 0L), s.owner(),
          expiry(s.expires()), s.expiredAt(now) ? " (expired: no longer suppressing)" : "");
    }
  }
}
