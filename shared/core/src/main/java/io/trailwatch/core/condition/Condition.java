package io.trailwatch.core.condition;

import io.trailwatch.core.event.AwsEvent;

/**
 * A test an EventBridge pattern cannot express, evaluated after the pattern matched. Implementations are
 * pure and thread-safe: the same instance serves every event on every thread.
 */
@FunctionalInterface
public interface Condition {
  boolean test(AwsEvent event, EvaluationContext context);

  /**
   * False when no event can satisfy the condition under this configuration (a change window that is not
   * configured), so the detector leaves its rule out entirely instead of matching events it cannot fire on.
   */
  default boolean possible(EvaluationContext context) {
    return true;
  }
}
