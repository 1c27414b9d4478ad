package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.List;

/**
 * True only on the transition to NON_COMPLIANT in a "Config Rules Compliance Change" event. Config
 * re-evaluates periodically and repeats the same result, so alerting on every NON_COMPLIANT evaluation
 * would page for the same user every few hours (trap D18). A first evaluation (no old result) that is
 * NON_COMPLIANT counts as a transition.
 *
 * <pre>{@code
 * conditions:
 *   - type: config-became-noncompliant
 * }</pre>
 */
public final class ConfigBecameNonCompliant implements ConditionType {
  private static final String NON_COMPLIANT = "NON_COMPLIANT";

  @Override
  public String name() {
    return "config-became-noncompliant";
  }

  @Override
  public String description() {
    return "A Config compliance change whose new result is NON_COMPLIANT and whose old result was not.";
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public Condition create(JsonNode params) {
    return (event, context) -> {
      JsonNode detail = event.detail();
      String now = Json.text(detail, "newEvaluationResult.complianceType");
      String before = Json.text(detail, "oldEvaluationResult.complianceType");
      return NON_COMPLIANT.equals(now) && !NON_COMPLIANT.equals(before);
    };
  }
}
