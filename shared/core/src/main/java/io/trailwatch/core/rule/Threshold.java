package io.trailwatch.core.rule;

import java.time.Duration;
import java.util.List;

/**
 * A rule that alerts on a burst rather than on one event: {@code count} matching events with the same
 * values of {@code groupBy} within {@code window} (a sliding window, judged by the events' own times).
 * One alert per key and window: the burst's later events are counted, not alerted on again.
 *
 * <p>With {@code distinct}, what is counted is the different values of that field, not the events: ten
 * user names failing from one address is a password spray, one user failing ten times is not; twenty
 * secrets read by one caller is harvesting, one secret read twenty times is an application without a cache.
 *
 * <pre>{@code
 * threshold:
 *   count: 10
 *   window: 1h
 *   group_by: [account, sourceIp]
 *   distinct: detail.userIdentity.userName
 * }</pre>
 *
 * @param distinct a key field (as {@code group_by} names them) whose different values are counted, or null
 *     to count events
 */
public record Threshold(int count, Duration window, List<String> groupBy, String distinct) {
  public Threshold(int count, Duration window, List<String> groupBy) {
    this(count, window, groupBy, null);
  }
}
