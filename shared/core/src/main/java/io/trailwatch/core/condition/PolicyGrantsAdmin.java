package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.List;

/**
 * True when a policy document in the event grants every action on every resource: an {@code Allow}
 * statement with {@code Action} {@code "*"} (or {@code "*:*"}) and {@code Resource} {@code "*"}. That is
 * AdministratorAccess written inline, which a managed-policy ARN check cannot see.
 *
 * <pre>{@code
 * conditions:
 *   - type: policy-grants-admin
 *     field: detail.requestParameters.policyDocument
 * }</pre>
 */
public final class PolicyGrantsAdmin implements ConditionType {
  @Override
  public String name() {
    return "policy-grants-admin";
  }

  @Override
  public String description() {
    return "The policy at `field` has an Allow statement with Action \"*\" on Resource \"*\".";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("field", Param.Kind.STRING, true, "dotted path of the policy in the event"));
  }

  @Override
  public Condition create(JsonNode params) {
    String field = params.get("field").asText();
    return (event, context) -> {
      for (JsonNode policy : Json.all(event.envelope(), field)) {
        for (JsonNode statement : PolicyDocument.statements(policy)) {
          if (PolicyDocument.isAllow(statement)
              && !statement.has("Condition")
              && anyIs(statement.get("Action"), "*", "*:*")
              && anyIs(statement.get("Resource"), "*")) {
            return true;
          }
        }
      }
      return false;
    };
  }

  private static boolean anyIs(JsonNode node, String... wanted) {
    for (String value : PolicyDocument.values(node)) {
      for (String w : wanted) {
        if (value.equals(w)) {
          return true;
        }
      }
    }
    return false;
  }
}
