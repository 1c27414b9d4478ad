package io.trailwatch.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Dedup windows of one process: the CLI's, and the reference the DynamoDB store is tested against. */
public final class InMemoryDedupStore implements DedupStore {
  private record Window(String openerId, Instant firstSeen, Instant lastSeen, Instant ends, long count) {}

  private final Map<String, Window> windows = new HashMap<>();

  @Override
  public synchronized Occurrence record(String dedupKey, String findingId, Instant at, Duration window) {
    Window current = windows.get(dedupKey);
    if (current == null || !at.isBefore(current.ends())) {
      windows.put(dedupKey, new Window(findingId, at, at, at.plus(window), 1));
      return new Occurrence(true, 1, at, at, findingId);
    }
    if (current.openerId().equals(findingId)) {
      return new Occurrence(true, current.count(), current.firstSeen(), current.lastSeen(), current.openerId());
    }
    Instant last = at.isAfter(current.lastSeen()) ? at : current.lastSeen();
    Window next = new Window(current.openerId(), current.firstSeen(), last, current.ends(), current.count() + 1);
    windows.put(dedupKey, next);
    return new Occurrence(false, next.count(), next.firstSeen(), next.lastSeen(), next.openerId());
  }
}
