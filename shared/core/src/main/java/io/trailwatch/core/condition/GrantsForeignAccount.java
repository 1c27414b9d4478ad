package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * True when a grant reaches an AWS account that is neither the account the event happened in nor a
 * trusted one: a snapshot, key, queue or role shared with an outsider. This is how a cross-account share
 * is told apart from a public one (which {@code policy-allows-public} reports, at a higher severity) and
 * from a share inside the estate (trusted accounts, or a statement restricted to the organization with
 * {@code aws:PrincipalOrgID}).
 *
 * <p>The value at {@code field} may be a policy (an object, or a JSON string as IAM, KMS, SNS, SQS, ECR
 * and Secrets Manager record it), whose Allow statements' AWS principals are read; or principals
 * themselves (an account id, an ARN, or a list of them, as snapshot attributes and KMS grants record
 * them). {@code "*"} is not an account: public grants are the other condition's business.
 *
 * <pre>{@code
 * conditions:
 *   - type: grants-foreign-account
 *     field: detail.requestParameters.policyDocument
 *     allowlist: trusted_accounts
 * }</pre>
 */
public final class GrantsForeignAccount implements ConditionType {
  private static final Pattern ACCOUNT = Pattern.compile("^(\\d{12})$|^arn:aws[a-z-]*:(?:iam|sts)::(\\d{12}):");

  @Override
  public String name() {
    return "grants-foreign-account";
  }

  @Override
  public String description() {
    return "The policy or principals at `field` grant an AWS account other than the event's own and the"
        + " accounts of the named allowlist (statements restricted by aws:PrincipalOrgID excepted).";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("field", Param.Kind.STRING, true, "dotted path of the policy, or of the principals"),
        new Param("allowlist", Param.Kind.STRING, false, "name of an allowlist of trusted account ids"));
  }

  @Override
  public Condition create(JsonNode params) {
    String field = params.get("field").asText();
    String allowlist = params.has("allowlist") ? params.get("allowlist").asText() : null;
    return (event, context) -> {
      List<String> trusted = allowlist == null ? List.of() : context.allowlist(allowlist);
      String own = event.account();
      for (String account : grantedAccounts(Json.at(event.envelope(), field))) {
        if (!account.equals(own) && !trusted.contains(account)) {
          return true;
        }
      }
      return false;
    };
  }

  /** The account ids a policy's Allow statements (outside an org restriction) or a principal list name. */
  static List<String> grantedAccounts(JsonNode value) {
    List<String> out = new ArrayList<>();
    List<JsonNode> statements = PolicyDocument.statements(value);
    if (!statements.isEmpty()) {
      for (JsonNode statement : statements) {
        if (!PolicyDocument.isAllow(statement) || restrictedToOrganization(statement.get("Condition"))) {
          continue;
        }
        JsonNode principal = statement.get("Principal");
        JsonNode aws = principal != null && principal.isObject() ? principal.get("AWS") : principal;
        for (String p : PolicyDocument.values(aws)) {
          addAccount(p, out);
        }
      }
      return out;
    }
    for (JsonNode v : value.isArray() ? value : List.of(value)) {
      if (v.isValueNode()) {
        addAccount(v.asText(), out);
      } else if (v.isObject()) {
        // Snapshot attributes: {"userId": "444455556666"}; launch permissions: {"items": [...]}.
        v.findValues("userId").forEach(u -> addAccount(u.asText(), out));
      }
    }
    return out;
  }

  private static void addAccount(String principal, List<String> out) {
    Matcher m = ACCOUNT.matcher(principal.trim());
    if (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
  }

  private static boolean restrictedToOrganization(JsonNode condition) {
    if (condition == null || !condition.isObject()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
      JsonNode keys = ops.next().getValue();
      for (Iterator<String> names = keys.fieldNames(); names.hasNext(); ) {
        String key = names.next().toLowerCase(java.util.Locale.ROOT);
        if (key.equals("aws:principalorgid") || key.equals("aws:principalorgpaths")) {
          return true;
        }
      }
    }
    return false;
  }
}
