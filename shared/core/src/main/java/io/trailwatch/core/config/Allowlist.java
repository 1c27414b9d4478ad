package io.trailwatch.core.config;

import java.util.List;

/**
 * A named list that rules consult by name, so no ARN, account or network is ever written in a rule. Its
 * kind follows from its entries, which must all be of one kind: ARN patterns (deployer pipelines,
 * break-glass roles; {@code *} is a wildcard), 12-digit account ids (trusted accounts) or CIDR blocks
 * (trusted networks).
 */
public record Allowlist(String name, Kind kind, List<String> entries) {
  public enum Kind {
    PRINCIPALS("ARN patterns"),
    ACCOUNTS("account ids"),
    NETWORKS("CIDR blocks");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }
}
