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

  /** The latest time of each recent value of one key (at most {@code count} of them), and its last report. */
  private static final class Distinct {
    final Map<String, Instant> latest = new java.util.HashMap<>();
    Instant reported;
  }

  private final Map<String, Distinct> distincts = new ConcurrentHashMap<>();

  @Override
  public boolean distinctBurst(String key, String value, Instant time, int count, Duration window) {
    Distinct d = distincts.computeIfAbsent(key, k -> new Distinct());
    synchronized (d) {
      d.latest.merge(value, time, (old, now) -> old.isAfter(now) ? old : now);
      Instant from = time.minus(window);
      d.latest.values().removeIf(t -> t.isBefore(from));
      while (d.latest.size() > count) {
        // Keep the most recent values: the oldest one is the first to leave the window anyway.
        String oldest = java.util.Collections.min(d.latest.entrySet(), Map.Entry.comparingByValue()).getKey();
        d.latest.remove(oldest);
      }
      if (d.latest.size() < count || (d.reported != null && d.reported.isAfter(from))) {
        return false;
      }
      d.reported = time;
      return true;
    }
  }

  @Override
  public Instant firstSeen(String key, Instant time, Duration keep) {
    return seen.merge(key, time, (old, now) -> now.isAfter(old.plus(keep)) ? now : (old.isBefore(now) ? old : now));
  }
}
