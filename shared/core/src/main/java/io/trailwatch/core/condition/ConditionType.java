package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A named entry of the condition vocabulary (Cloud Custodian's filters are the model): its name as used
 * in {@code rule.yaml}, what it does, its parameters and a factory. Each type is one class with its own
 * tests.
 */
public interface ConditionType {
  /** The kebab-case name rules use, e.g. {@code policy-allows-public}. */
  String name();

  /** One sentence for `trailwatch rules --conditions` and docs/rules.md. */
  String description();

  List<Param> params();

  /** Builds the condition from parameters already checked against {@link #params()}. */
  Condition create(JsonNode params);
}
