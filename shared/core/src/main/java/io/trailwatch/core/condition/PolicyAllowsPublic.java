package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * True when a resource policy in the event lets anyone in: an {@code Allow} statement whose principal is
 * {@code "*"} (or {@code {"AWS": "*"}}), or an {@code Allow} with {@code NotPrincipal}, and no condition
 * that narrows "anyone" to a known population. {@code Principal: "*"} restricted by
 * {@code aws:PrincipalOrgID}, {@code aws:SourceVpce}, {@code aws:SourceAccount}, {@code aws:SourceArn} and
 * the like is how AWS recommends sharing inside an organisation, and is not public (trap D10).
 *
 * <pre>{@code
 * conditions:
 *   - type: policy-allows-public
 *     field: detail.requestParameters.bucketPolicy
 * }</pre>
 */
public final class PolicyAllowsPublic implements ConditionType {
  /** Condition keys that pin "anyone" down to an organisation, network, account or resource. */
  static final Set<String> RESTRICTING_KEYS =
      Set.of(
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalaccount",
          "aws:principalarn",
          "aws:sourcevpce",
          "aws:sourcevpc",
          "aws:sourceaccount",
          "aws:sourcearn",
          "aws:sourceowner",
          "aws:sourceip",
          "aws:userid",
          "aws:username",
          "kms:calleraccount",
          "kms:viaservice",
          "lambda:functionurlauthtype");

  @Override
  public String name() {
    return "policy-allows-public";
  }

  @Override
  public String description() {
    return "The resource policy at `field` (JSON object or JSON string) allows any principal without an"
        + " organisation, account, VPC endpoint, source or IP condition.";
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
          if (isPublic(statement)) {
            return true;
          }
        }
      }
      return false;
    };
  }

  static boolean isPublic(JsonNode statement) {
    if (!PolicyDocument.isAllow(statement)) {
      return false;
    }
    boolean anyone = statement.has("NotPrincipal") || principalIsAnyone(statement.get("Principal"));
    return anyone && !restricted(statement.get("Condition"));
  }

  private static boolean principalIsAnyone(JsonNode principal) {
    if (principal == null) {
      return false;
    }
    if (principal.isTextual()) {
      return principal.asText().equals("*");
    }
    if (principal.isObject()) {
      for (String kind : List.of("AWS", "CanonicalUser")) {
        if (PolicyDocument.values(principal.get(kind)).contains("*")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean restricted(JsonNode condition) {
    if (condition == null || !condition.isObject()) {
      return false;
    }
    for (Iterator<JsonNode> operators = condition.elements(); operators.hasNext(); ) {
      JsonNode keys = operators.next();
      for (Iterator<String> it = keys.fieldNames(); it.hasNext(); ) {
        String key = it.next().toLowerCase(Locale.ROOT);
        if (RESTRICTING_KEYS.contains(key)) {
          return true;
        }
      }
    }
    return false;
  }
}
