package io.trailwatch.core.detect;

import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.StateStore;
import io.trailwatch.core.rule.FirstSeen;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Decides the findings of stateful rules ({@code threshold}, {@code first_seen}) with the state store:
 * the pattern and conditions said "this event counts", the state says whether it completes a burst or
 * is a combination never seen. Kept apart from {@link Detector}, which stays a pure function of the
 * event (and memoises its verdicts); only this part depends on what came before.
 */
public final class StatefulRules {
  /** How long a learning period's start is remembered: for good, in practice. */
  static final Duration LEARNING_MARK = Duration.ofDays(3650);
  /** How long a seen combination is remembered; a year later it counts as new again. */
  static final Duration SEEN_FOR = Duration.ofDays(365);

  private final StateStore state;
  /** Each first-seen rule's learning key, made once: a string's hash is computed once per instance. */
  private final java.util.Map<String, String> learningKeys = new java.util.concurrent.ConcurrentHashMap<>();

  public StatefulRules(StateStore state) {
    this.state = state;
  }

  /**
   * A match of a stateful rule, with what the state is consulted on; its finding is built only if the
   * state admits it.
   */
  public record Candidate(Rule rule, AwsEvent event, String key, String distinctValue, Instant time) {
    public Finding finding() {
      return Detector.toFinding(rule, event);
    }
  }

  public static Candidate candidate(Rule rule, AwsEvent event) {
    List<String> fields = rule.threshold() != null ? rule.threshold().groupBy() : rule.firstSeen().keys();
    StringBuilder key = new StringBuilder();
    for (String field : fields) {
      String value = Detector.valueOf(rule, event, field);
      key.append(key.length() == 0 ? "" : "|").append(value == null ? "" : value);
    }
    String distinct = rule.threshold() != null && rule.threshold().distinct() != null
        ? distinctValue(rule, event, rule.threshold().distinct()) : null;
    return new Candidate(rule, event, key.toString(), distinct, timeOf(event));
  }

  /**
   * The value a count of different values counts: a scalar's text, or a list's or object's JSON (one
   * BatchGetSecretValue's list of secret ids is one value); absent, the empty string.
   */
  private static String distinctValue(Rule rule, AwsEvent event, String field) {
    String text = Detector.valueOf(rule, event, field);
    if (text != null) {
      return text;
    }
    com.fasterxml.jackson.databind.JsonNode node = event.at(field);
    return node.isContainerNode() ? node.toString() : "";
  }

  /**
   * CloudTrail's own format, {@code 2026-03-15T02:07:41Z}, read without a formatter (stateful rules
   * read the time of every match); anything else goes to {@link Instant#parse}.
   */
  static Instant fastParse(String t) {
    if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
      return null;
    }
    try {
      int year = Integer.parseInt(t, 0, 4, 10);
      int month = Integer.parseInt(t, 5, 7, 10);
      int day = Integer.parseInt(t, 8, 10, 10);
      int hour = Integer.parseInt(t, 11, 13, 10);
      int minute = Integer.parseInt(t, 14, 16, 10);
      int second = Integer.parseInt(t, 17, 19, 10);
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** True when the candidate becomes a finding: its burst is complete, or its combination is new. */
  public boolean admit(Candidate c) {
    Threshold t = c.rule().threshold();
    if (t != null && t.distinct() != null) {
      return state.distinctBurst("distinct|" + c.rule().id() + "|" + c.key(), c.distinctValue(), c.time(), t.count(),
          t.window());
    }
    if (t != null) {
      return state.burst("threshold|" + c.rule().id() + "|" + c.key(), c.time(), t.count(), t.window());
    }
    FirstSeen f = c.rule().firstSeen();
    String learning = learningKeys.computeIfAbsent(c.rule().id(), id -> "learning|" + id);
    Instant learningSince = state.firstSeen(learning, c.time(), LEARNING_MARK);
    Instant first = state.firstSeen("seen|" + c.rule().id() + "|" + c.key(), c.time(), SEEN_FOR);
    return first.equals(c.time()) && !c.time().isBefore(learningSince.plus(f.learning()));
  }

  private static Instant timeOf(AwsEvent event) {
    String time = event.eventTime();
    Instant fast = time == null ? null : fastParse(time);
    if (fast != null) {
      return fast;
    }
    if (time != null) {
      try {
        return Instant.parse(time);
      } catch (DateTimeParseException e) {
        // fall through: an event without a readable time is judged as happening now
      }
    }
    return Instant.now();
  }
}
