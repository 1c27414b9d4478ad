package io.trailwatch.core.config;

import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.detect.RuleErrorListener;
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
public record Tuned(TrailwatchConfig config, Detector detector, Suppressions suppressions) {

  public static Tuned of(List<Rule> catalog, TrailwatchConfig config, RuleErrorListener errors) {
    return new Tuned(config, new Detector(config.tune(catalog), config.context(), errors),
        new Suppressions(config.suppressions()));
  }

  /** A finding a suppression hid, and which one. */
  public record Hidden(Finding finding, Suppression by) {}

  /** A finding that an expired suppression would have hidden: sent, and the expiry is worth a log line. */
  public record Unhidden(Finding finding, Suppression expired) {}

  /** The findings of one event, split into those to send and those suppressed. */
  public record Judgement(List<Finding> findings, List<Hidden> hidden, List<Unhidden> unhidden) {}

  public Judgement judge(AwsEvent event, Instant now) {
    List<Finding> all = detector.evaluate(event);
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
