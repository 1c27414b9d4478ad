package io.trailwatch.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The state of stateful rules in one process: a scan, a test. Thread-safe. */
public final class InMemoryStateStore implements StateStore {
  private final Map<String, Burst> bursts = new ConcurrentHashMap<>();
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  /** The recent match times of one key (at most {@code count} of them) and its last reported burst. */
  private static final class Burst {
    final Deque<Instant> times = new ArrayDeque<>();
    Instant reported;
  }

  @Override
  public boolean burst(String key, Instant time, int count, Duration window) {
    Burst b = bursts.computeIfAbsent(key, k -> new Burst());
    synchronized (b) {
      b.times.addLast(time);
      Instant from = time.minus(window);
      while (!b.times.isEmpty() && b.times.peekFirst().isBefore(from)) {
        b.times.removeFirst();
      }
      while (b.times.size() > count) {
        b.times.removeFirst();
      }
      if (b.times.size() < count || (b.reported != null && b.reported.isAfter(from))) {
        return false;
      }
      b.reported = time;
      return true;
    }
  }

  @Override
  public Instant firstSeen(String key, Instant time, Duration keep) {
    return seen.merge(key, time, (old, now) -> now.isAfter(old.plus(keep)) ? now : (old.isBefore(now) ? old : now));
  }
}
