package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.List;

/**
 * True when an IAM call acts on a user other than the caller: creating an access key or a login profile
 * for yourself is routine, doing it for someone else is how a backdoor is planted (trap D7). The field
 * is compared with the caller's own user name, field to field (Sigma #6223 compared it with a literal).
 * An absent target means the caller acted on itself; a role or root naming a user acts on another.
 *
 * <pre>{@code
 * conditions:
 *   - type: target-is-another-user
 *     field: detail.requestParameters.userName
 * }</pre>
 */
public final class TargetIsAnotherUser implements ConditionType {
  @Override
  public String name() {
    return "target-is-another-user";
  }

  @Override
  public String description() {
    return "The user named at `field` is present and is not the calling IAM user.";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("field", Param.Kind.STRING, true, "dotted path of the target user name"));
  }

  @Override
  public Condition create(JsonNode params) {
    String field = params.get("field").asText();
    return (event, context) -> {
      String target = Json.text(event.envelope(), field);
      if (target == null || target.isEmpty()) {
        return false;
      }
      String type = Json.text(event.detail(), "userIdentity.type");
      if (!"IAMUser".equals(type)) {
        return true;
      }
      return !target.equals(Json.text(event.detail(), "userIdentity.userName"));
    };
  }
}
