package io.trailwatch.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts findings per dedup key within the rule's window, so that 300 identical changes are one alert,
 * not 300. The first finding of a window opens it and is delivered; the rest only count. Delivering the
 * opening finding again (a retried message) is still the opening: it is never suppressed by its own
 * earlier record.
 */
public interface DedupStore {
  /**
   * What recording one finding said.
   *
   * @param openerId the id of the finding that opened the window (the one that was alerted on)
   */
  record Occurrence(boolean opensWindow, long count, Instant firstSeen, Instant lastSeen, String openerId) {}

  /**
   * @throws LedgerUnavailableException when the store cannot be read or written
   */
  Occurrence record(String dedupKey, String findingId, Instant at, Duration window);

  /** No deduplication: every finding opens its own window. */
  DedupStore NONE = (key, id, at, window) -> new Occurrence(true, 1, at, at, id);
}
