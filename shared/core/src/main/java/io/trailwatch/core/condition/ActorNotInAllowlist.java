package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * True when the caller is not one of the principals named by an allowlist of the tuning configuration,
 * and the call was not made by an allowed AWS service on a user's behalf (CloudFormation applying a stack
 * is the pipeline, not a person). This is how "a change that bypassed CI/CD" is told apart from a deploy.
 *
 * <p>Entries are ARNs with {@code *} wildcards. A role session is compared by its role (the session
 * issuer), since the session name changes on every assume; the session ARN is also tried, so an entry can
 * pin one session name. An allowlist that is not configured allows nobody.
 *
 * <pre>{@code
 * conditions:
 *   - type: actor-not-in-allowlist
 *     allowlist: deployers
 *     allowed_services: [cloudformation.amazonaws.com]
 * }</pre>
 */
public final class ActorNotInAllowlist implements ConditionType {
  @Override
  public String name() {
    return "actor-not-in-allowlist";
  }

  @Override
  public String description() {
    return "The caller (the role behind a role session) matches no ARN pattern of the named allowlist,"
        + " and the call was not invoked by one of `allowed_services`.";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("allowlist", Param.Kind.STRING, true, "name of an allowlist in the configuration"),
        new Param(
            "allowed_services",
            Param.Kind.STRING_LIST,
            false,
            "userIdentity.invokedBy values that count as allowed (e.g. cloudformation.amazonaws.com)"));
  }

  @Override
  public Condition create(JsonNode params) {
    String allowlist = params.get("allowlist").asText();
    List<String> services = new ArrayList<>();
    if (params.has("allowed_services")) {
      params.get("allowed_services").forEach(s -> services.add(s.asText()));
    }
    return (event, context) -> {
      String invokedBy = Json.text(event.detail(), "userIdentity.invokedBy");
      if (invokedBy != null && services.contains(invokedBy)) {
        return false;
      }
      String actor = event.actorArn();
      String caller = Json.text(event.detail(), "userIdentity.arn");
      for (String entry : context.allowlist(allowlist)) {
        if (globMatches(entry, actor) || globMatches(entry, caller)) {
          return false;
        }
      }
      return true;
    };
  }

  /** ARN glob: {@code *} matches any run of characters, everything else is literal. */
  static boolean globMatches(String glob, String value) {
    if (value == null) {
      return false;
    }
    if (!glob.contains("*")) {
      return glob.equals(value);
    }
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return value.matches(regex.toString());
  }
}
