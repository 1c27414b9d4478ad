package io.trailwatch.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * What stateful rules remember between events: counts of recent matches (thresholds) and the values
 * seen before (first seen). In memory for the CLI and tests; DynamoDB in Lambda, where each event may
 * land in another container. Times are the events' own, so a replay builds the same state as live
 * traffic did.
 */
public interface StateStore {
  /**
   * Records one match of {@code key} at {@code time} and says whether the burst is complete: at least
   * {@code count} matches within {@code window} ending at {@code time}, and no burst of this key was
   * reported within the last {@code window}. A burst is reported once; its later matches only count.
   */
  boolean burst(String key, Instant time, int count, Duration window);

  /**
   * As {@link #burst}, counting different values instead of matches: records that {@code key} saw
   * {@code value} at {@code time}, and says whether at least {@code count} different values were seen
   * within {@code window} ending at {@code time}, no burst of this key having been reported within the
   * last {@code window}. A value seen again only moves its time.
   */
  boolean distinctBurst(String key, String value, Instant time, int count, Duration window);

  /**
   * Records that {@code key} was seen at {@code time} and returns when it was first seen: {@code time}
   * itself when this is the first time. Entries are kept for {@code keep}, after which a value counts as
   * new again.
   */
  Instant firstSeen(String key, Instant time, Duration keep);
}
