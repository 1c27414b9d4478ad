package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * True when a security group rule in the event admits {@code 0.0.0.0/0} or {@code ::/0} on one of the
 * given ports (or on any port when none are given). A pattern can match the CIDR and the port separately,
 * but not that they belong to the same permission; this condition reads each permission whole, for
 * {@code AuthorizeSecurityGroupIngress} ({@code ipPermissions.items[]}, or the short form the CLI's
 * {@code --port 22 --cidr 0.0.0.0/0} records at the top of the request) and
 * {@code ModifySecurityGroupRules}. Protocol {@code -1} means every port.
 *
 * <pre>{@code
 * conditions:
 *   - type: security-group-open-to-world
 *     ports: [22, 3389]
 * }</pre>
 */
public final class SecurityGroupOpenToWorld implements ConditionType {
  @Override
  public String name() {
    return "security-group-open-to-world";
  }

  @Override
  public String description() {
    return "A rule in the request admits 0.0.0.0/0 or ::/0 on one of `ports` (any port when omitted).";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("ports", Param.Kind.INT_LIST, false, "ports that matter; omitted means any port"));
  }

  @Override
  public Condition create(JsonNode params) {
    List<Integer> ports = new ArrayList<>();
    if (params.has("ports")) {
      params.get("ports").forEach(p -> ports.add(p.asInt()));
    }
    return (event, context) -> {
      JsonNode request = event.detail().get("requestParameters");
      if (request == null || !request.isObject()) {
        return false;
      }
      for (JsonNode permission : Json.all(request, "ipPermissions.items")) {
        boolean world =
            anyEquals(Json.all(permission, "ipRanges.items.cidrIp"), "0.0.0.0/0")
                || anyEquals(Json.all(permission, "ipv6Ranges.items.cidrIpv6"), "::/0");
        if (world && coversPort(permission, "ipProtocol", "fromPort", "toPort", ports)) {
          return true;
        }
      }
      // The short form of the call (`--port 22 --cidr 0.0.0.0/0`) records one permission at the top.
      if (("0.0.0.0/0".equals(Json.text(request, "cidrIp")) || "::/0".equals(Json.text(request, "cidrIpv6")))
          && coversPort(request, "ipProtocol", "fromPort", "toPort", ports)) {
        return true;
      }
      for (JsonNode wrapper :
          Json.all(request, "ModifySecurityGroupRulesRequest.SecurityGroupRule")) {
        JsonNode rule = wrapper.has("SecurityGroupRule") ? wrapper.get("SecurityGroupRule") : wrapper;
        boolean world =
            "0.0.0.0/0".equals(Json.text(rule, "CidrIpv4")) || "::/0".equals(Json.text(rule, "CidrIpv6"));
        if (world && coversPort(rule, "IpProtocol", "FromPort", "ToPort", ports)) {
          return true;
        }
      }
      return false;
    };
  }

  private static boolean anyEquals(List<JsonNode> values, String wanted) {
    for (JsonNode value : values) {
      if (wanted.equals(value.asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean coversPort(
      JsonNode rule, String protocolField, String fromField, String toField, List<Integer> ports) {
    String protocol = Json.text(rule, protocolField);
    if ("-1".equals(protocol) || "all".equalsIgnoreCase(protocol) || ports.isEmpty()) {
      return true;
    }
    Integer low = port(rule.get(fromField));
    Integer high = port(rule.get(toField));
    if (low == null || high == null) {
      return false;
    }
    for (int port : ports) {
      if (port >= low && port <= high) {
        return true;
      }
    }
    return false;
  }

  /** A port as CloudTrail records it: a number, or now and then a numeric string. */
  private static Integer port(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.canConvertToInt()) {
      return node.asInt();
    }
    try {
      return Integer.parseInt(node.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
