package io.trailwatch.core.detect;

/**
 * Remembered verdicts on strings that repeat (user agents), cheaper than a hash map for them: every event
 * brings a fresh copy of its user agent, and {@link String#hashCode} walks all of its hundred-odd
 * characters one multiply at a time, which costs as much as the dozen substring searches it would save.
 * A slot is chosen from the length, eight characters spread over the string and the last twelve; the verdict is trusted only
 * if the whole string {@link String#equals equals} the one remembered there (a vectorised comparison).
 * Slots come in pairs, and three strings that share a pair take turns in it, which costs a recomputation, never a wrong verdict.
 *
 * <p>Thread-safe without locks: a slot holds an immutable entry, replaced whole.
 */
final class TextMemo {
  private static final int SLOTS = 4096;

  private record Entry(String text, int verdict) {}

  private final Entry[] entries = new Entry[SLOTS];

  /** The verdict remembered for the text, or -1. */
  int get(String text) {
    int i = slot(text);
    Entry e = entries[i];
    if (e != null && e.text.equals(text)) {
      return e.verdict;
    }
    e = entries[i ^ 1];
    return e != null && e.text.equals(text) ? e.verdict : -1;
  }

  /** Remembers in the first free of the slot's pair, else in place of the slot's first. */
  void put(String text, int verdict) {
    int i = slot(text);
    Entry first = entries[i];
    if (first != null && !first.text.equals(text) && entries[i ^ 1] == null) {
      i ^= 1;
    }
    entries[i] = new Entry(text, verdict);
  }

  private static int slot(String text) {
    int n = text.length();
    int h = n;
    if (n > 0) {
      for (int k = 0; k < 8; k++) {
        h = 31 * h + text.charAt((n * k) >>> 3);
      }
      // Agents of one family differ at the end (aws-cli's md/command#iam.create-user).
      for (int i = Math.max(0, n - 12); i < n; i++) {
        h = 31 * h + text.charAt(i);
      }
    }
    h ^= h >>> 16;
    return h & (SLOTS - 1);
  }
}
