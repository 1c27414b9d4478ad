package io.trailwatch.core.rule;

import java.time.Duration;
import java.util.List;

/**
 * A rule that alerts on a burst rather than on one event: {@code count} matching events with the same
 * values of {@code groupBy} within {@code window} (a sliding window, judged by the events' own times).
 * One alert per key and window: the burst's later events are counted, not alerted on again.
 *
 * <pre>{@code
 * threshold:
 *   count: 15
 *   window: 10m
 *   group_by: [account, actor]
 * }</pre>
 */
public record Threshold(int count, Duration window, List<String> groupBy) {}
