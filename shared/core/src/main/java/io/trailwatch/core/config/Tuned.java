package io.trailwatch.core.config;

import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.detect.RuleErrorListener;
import io.trailwatch.core.detect.StatefulRules;
import io.trailwatch.core.port.InMemoryStateStore;
import io.trailwatch.core.port.StateStore;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.rule.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog as one configuration runs it: overrides applied, disabled rules left out, allowlists and
 * change windows in the detector's context, and the suppressions after it. The detector function and
 * {@code trailwatch scan} both judge events through this, so a suppression hides the same findings in
 * both. Built again only when the configuration changes (building the rule machine takes milliseconds).
 */
public record Tuned(TrailwatchConfig config, Detector detector, Suppressions suppressions, StatefulRules stateful) {

  /** With the state of stateful rules in this process's memory (a scan, a test). */
  public Tuned(TrailwatchConfig config, Detector detector, Suppressions suppressions) {
    this(config, detector, suppressions, new StatefulRules(new InMemoryStateStore()));
  }

  public static Tuned of(List<Rule> catalog, TrailwatchConfig config, RuleErrorListener errors) {
    return of(catalog, config, errors, new InMemoryStateStore());
  }

  /**
   * @param state where thresholds and first-seen values are kept; it outlives a configuration change,
   *     so pass the same store to every rebuild
   */
  public static Tuned of(List<Rule> catalog, TrailwatchConfig config, RuleErrorListener errors, StateStore state) {
    return new Tuned(config, new Detector(config.tune(catalog), config.context(), errors),
        new Suppressions(config.suppressions()), new StatefulRules(state));
  }

  /** A finding a suppression hid, and which one. */
  public record Hidden(Finding finding, Suppression by) {}

  /** A finding that an expired suppression would have hidden: sent, and the expiry is worth a log line. */
  public record Unhidden(Finding finding, Suppression expired) {}

  /** The findings of one event, split into those to send and those suppressed. */
  public record Judgement(List<Finding> findings, List<Hidden> hidden, List<Unhidden> unhidden) {}

  /** The judgement of most events: no rule fired. */
  private static final Judgement NOTHING = new Judgement(List.of(), List.of(), List.of());

  /**
   * Judges one event: its rules' findings, those of stateful rules only when their state admits the
   * match (events are judged in the order they come, so the state is built as they happen), then the
   * suppressions. A suppressed match still counts toward its burst or first sighting, as it happened.
   */
  public Judgement judge(AwsEvent event, Instant now) {
    List<Rule> fired = detector.firedRules(event);
    if (fired.isEmpty()) {
      return NOTHING;
    }
    List<Finding> all = new ArrayList<>(fired.size());
    for (Rule rule : fired) {
      if (!rule.stateful()) {
        all.add(Detector.toFinding(rule, event));
      } else {
        StatefulRules.Candidate candidate = StatefulRules.candidate(rule, event);
        if (stateful.admit(candidate)) {
          all.add(candidate.finding());
        }
      }
    }
    return suppress(all, event, now);
  }

  private Judgement suppress(List<Finding> all, AwsEvent event, Instant now) {
    if (all.isEmpty() || suppressions.isEmpty()) {
      return new Judgement(all, List.of(), List.of());
    }
    List<Finding> kept = new ArrayList<>(all.size());
    List<Hidden> hidden = new ArrayList<>(0);
    List<Unhidden> unhidden = new ArrayList<>(0);
    for (Finding f : all) {
      Suppressions.Verdict v = suppressions.check(f, event, now);
      if (v.suppressed()) {
        hidden.add(new Hidden(f, v.by()));
      } else {
        kept.add(f);
        v.expired().forEach(s -> unhidden.add(new Unhidden(f, s)));
      }
    }
    return new Judgement(kept, hidden, unhidden);
  }
}
