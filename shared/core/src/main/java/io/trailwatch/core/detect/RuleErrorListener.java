package io.trailwatch.core.detect;

import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.rule.Rule;

/** Told when one rule throws on one event; the other rules have already run or still will. */
@FunctionalInterface
public interface RuleErrorListener {
  void ruleFailed(Rule rule, AwsEvent event, RuntimeException error);
}
