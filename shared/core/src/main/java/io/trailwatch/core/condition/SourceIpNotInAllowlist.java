package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.config.Cidr;
import java.util.List;

/**
 * True when the call came from an IP address outside every CIDR block of the named allowlist (the
 * configuration's trusted networks: office egress, VPN, NAT gateways). Calls AWS services make on a
 * user's behalf carry a service name instead of an address ({@code cloudformation.amazonaws.com}); they
 * are in no network, so a rule that must ignore them says so in its pattern. An allowlist that is not
 * configured trusts no network, so the condition holds for every address.
 *
 * <pre>{@code
 * conditions:
 *   - type: source-ip-not-in-allowlist
 *     allowlist: trusted_networks
 * }</pre>
 */
public final class SourceIpNotInAllowlist implements ConditionType {
  /** Entries parsed once, not per event (the configuration has validated them; a bad one matches nothing). */
  private static final java.util.Map<String, java.util.Optional<Cidr>> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static java.util.Optional<Cidr> parseOrNull(String entry) {
    return Cidr.check(entry) == null ? java.util.Optional.of(Cidr.parse(entry)) : java.util.Optional.empty();
  }

  @Override
  public String name() {
    return "source-ip-not-in-allowlist";
  }

  @Override
  public String description() {
    return "The event's sourceIPAddress is in no CIDR block of the named allowlist.";
  }

  @Override
  public List<Param> params() {
    return List.of(new Param("allowlist", Param.Kind.STRING, true, "name of an allowlist of CIDR blocks"));
  }

  @Override
  public Condition create(JsonNode params) {
    String name = params.get("allowlist").asText();
    return (event, context) -> {
      String ip = event.sourceIp();
      if (ip == null) {
        return false;
      }
      for (String entry : context.allowlist(name)) {
        Cidr network = PARSED.computeIfAbsent(entry, SourceIpNotInAllowlist::parseOrNull).orElse(null);
        if (network != null && network.contains(ip)) {
          return false;
        }
      }
      return true;
    };
  }
}
